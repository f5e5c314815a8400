package relations_test

import (
	"fmt"
	"math"
	"testing"

	"worldmedia/internal/relations"
)

func TestTQuantile(t *testing.T) {
	tests := []struct {
		p, df, want float64
	}{
		// Table values (Abramowitz and Stegun, table 26.10).
		{0.975, 1, 12.706},
		{0.975, 2, 4.303},
		{0.975, 3, 3.182},
		{0.975, 5, 2.571},
		{0.975, 10, 2.228},
		{0.975, 30, 2.042},
		{0.975, 60, 2.000},
		{0.975, 120, 1.980},
		{0.975, 200, 1.972},
		{0.975, 201, 1.972},
		{0.975, 1e6, 1.960},
		{0.995, 10, 3.169},
		{0.995, 1, 63.657},
		{0.9995, 1, 636.619},
		{0.9995, 4, 8.610},
		{0.999, 3, 10.215},
		{0.95, 10, 1.812},
		{0.9, 20, 1.325},
		{0.75, 4, 0.741},
		{0.6, 1, 0.325},
		{0.5, 7, 0},
		{0.025, 5, -2.571},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("p=%g,df=%g", tt.p, tt.df), func(t *testing.T) {
			if got := relations.TQuantile(tt.p, tt.df); math.Abs(got-tt.want) > 1e-3 {
				t.Errorf("t(%g, %g) = %.5f, want %.3f", tt.p, tt.df, got, tt.want)
			}
		})
	}
}

// TestTQuantileSmooth checks that the quantile has no jump where the exact
// solution hands over to the expansion.
func TestTQuantileSmooth(t *testing.T) {
	for _, p := range []float64{0.6, 0.9, 0.975, 0.995, 0.9995} {
		prev := math.Inf(1)
		for df := 3.0; df <= 400; df++ {
			got := relations.TQuantile(p, df)
			if !(got < prev) || got <= 0 {
				t.Fatalf("t(%g, %g) = %.9f after %.9f: not decreasing", p, df, got, prev)
			}
			prev = got
		}
	}
}
