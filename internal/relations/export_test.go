package relations

// TQuantile exposes the Student's t quantile to the external tests.
var TQuantile = tQuantile
