package api

// Routes returns the paths served and the query parameters each accepts,
// for the test that the OpenAPI document describes exactly them.
func Routes() map[string][]string {
	m := make(map[string][]string, len(routes))
	for _, rt := range routes {
		m[rt.pattern] = rt.params
	}
	return m
}
