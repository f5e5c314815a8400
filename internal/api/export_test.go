package api

// Route is a path served: its method and the query parameters it accepts.
type Route struct {
	Method string
	Params []string
	// Auth says it needs the token, when the server has one.
	Auth bool
}

// Routes returns the paths served, with their methods, for the test that the OpenAPI document
// describes exactly them.
func Routes() map[string]Route {
	m := make(map[string]Route, len(routes))
	for _, rt := range routes {
		m[rt.pattern] = Route{Method: rt.method, Params: rt.params, Auth: rt.auth}
	}
	return m
}

// Bodies returns a zero value of the JSON bodies the package declares, by
// the name of their schema in the OpenAPI document.
func Bodies() map[string]any {
	return map[string]any{
		"EventPage": eventPage{}, "PlaceList": placeList{}, "ArticlePage": articlePage{}, "ArticleDetail": articleDetail{},
		"StoryPage": storyPage{}, "Health": health{}, "Healthz": healthz{}, "Error": errorBody{}, "ActorList": actorList{},
		"CountryList": countryList{}, "CodeResult": codeResult{}, "AnalyzeRequest": analyzeRequest{},
	}
}
