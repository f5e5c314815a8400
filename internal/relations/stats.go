package relations

import "math"

// tTable memoizes the two-sided critical values of Student's t at one
// confidence level, by degrees of freedom: a series has many periods of
// the same number of events.
type tTable struct {
	p  float64 // (1 + confidence) / 2
	df map[int]float64
}

func newTTable(conf float64) *tTable {
	return &tTable{p: (1 + conf) / 2, df: make(map[int]float64)}
}

// at returns the critical value for df degrees of freedom.
func (tt *tTable) at(df int) float64 {
	t, ok := tt.df[df]
	if !ok {
		t = tQuantile(tt.p, float64(df))
		tt.df[df] = t
	}
	return t
}

// meanCI returns the confidence interval of the mean of n values with the
// given sum and sum of squares, from the sample standard deviation and the
// critical value of Student's t with n-1 degrees of freedom in ts. ok is
// false when n < 2.
func meanCI(n int, sum, sumSq float64, ts *tTable) (lo, hi float64, ok bool) {
	if n < 2 {
		return 0, 0, false
	}
	fn := float64(n)
	mean := sum / fn
	// sumSq - sum²/n is a difference of near-equal numbers when the values
	// hardly vary: rounding leaves a few ulps of sumSq, perhaps negative,
	// where the true value is 0.
	ss := sumSq - sum*mean
	if !(ss > 1e-12*sumSq) {
		ss = 0
	}
	v := ss / (fn - 1)
	half := ts.at(n-1) * math.Sqrt(v/fn)
	return mean - half, mean + half, true
}

// tQuantile returns the p-quantile of Student's t distribution with df > 0
// degrees of freedom: the t with P(T ≤ t) = p, for 0 < p < 1.
func tQuantile(p, df float64) float64 {
	switch {
	case p == 0.5:
		return 0
	case p < 0.5:
		return -tQuantile(1-p, df)
	case df == 1: // Cauchy
		return math.Tan(math.Pi * (p - 0.5))
	case df == 2:
		return (2*p - 1) / math.Sqrt(2*p*(1-p))
	}
	t := cornishFisher(p, df)
	if df > 200 {
		// The expansion's error falls as df⁻⁵: here under 1e-8 for any
		// p ≤ 0.99999.
		return t
	}
	// Solve upper(t) = q by Newton's method on the exact tail, kept inside
	// a bracket [lo, hi] and bisecting when a step would leave it.
	q := 1 - p
	lo, hi := 0.0, math.Max(2*t, 1)
	for tTail(hi, df) > q {
		lo, hi = hi, 2*hi
		if math.IsInf(hi, 1) {
			return hi
		}
	}
	if t <= lo || t >= hi {
		t = (lo + hi) / 2
	}
	for range 100 {
		d := tTail(t, df) - q // decreasing in t
		if d > 0 {
			lo = t
		} else {
			hi = t
		}
		if math.Abs(d) <= 1e-15*q || hi-lo <= 1e-12*hi {
			break
		}
		next := t + d/tDensity(t, df)
		if !(next > lo && next < hi) {
			next = (lo + hi) / 2
		}
		t = next
	}
	return t
}

// cornishFisher returns the p-quantile of Student's t with df degrees of
// freedom by the expansion in powers of 1/df around the normal quantile
// (Abramowitz and Stegun 26.7.5).
func cornishFisher(p, df float64) float64 {
	z := math.Sqrt2 * math.Erfinv(2*p-1)
	z2 := z * z
	g1 := (z2 + 1) * z / 4
	g2 := ((5*z2+16)*z2 + 3) * z / 96
	g3 := (((3*z2+19)*z2+17)*z2 - 15) * z / 384
	g4 := ((((79*z2+776)*z2+1482)*z2-1920)*z2 - 945) * z / 92160
	return z + (g1+(g2+(g3+g4/df)/df)/df)/df
}

// tTail returns P(T > t) for t ≥ 0.
func tTail(t, df float64) float64 {
	return 0.5 * betaInc(df/2, 0.5, df/(df+t*t))
}

// tDensity returns the density of Student's t at t.
func tDensity(t, df float64) float64 {
	lg1, _ := math.Lgamma((df + 1) / 2)
	lg2, _ := math.Lgamma(df / 2)
	return math.Exp(lg1-lg2-(df+1)/2*math.Log1p(t*t/df)) / math.Sqrt(df*math.Pi)
}

// betaInc returns the regularized incomplete beta function I_x(a, b).
func betaInc(a, b, x float64) float64 {
	if x <= 0 {
		return 0
	}
	if x >= 1 {
		return 1
	}
	lab, _ := math.Lgamma(a + b)
	la, _ := math.Lgamma(a)
	lb, _ := math.Lgamma(b)
	front := math.Exp(lab - la - lb + a*math.Log(x) + b*math.Log1p(-x))
	// The continued fraction converges fast below the mean of the
	// distribution; above it, use I_x(a, b) = 1 - I_{1-x}(b, a).
	if x < (a+1)/(a+b+2) {
		return front * betaFrac(a, b, x) / a
	}
	return 1 - front*betaFrac(b, a, 1-x)/b
}

// betaFrac evaluates the continued fraction of the incomplete beta function
// by the modified Lentz method.
func betaFrac(a, b, x float64) float64 {
	const tiny = 1e-300
	c, d := 1.0, 1-(a+b)*x/(a+1)
	if math.Abs(d) < tiny {
		d = tiny
	}
	d = 1 / d
	h := d
	for m := 1.0; m <= 1000; m++ {
		m2 := 2 * m
		num := m * (b - m) * x / ((a + m2 - 1) * (a + m2))
		d = 1 + num*d
		if math.Abs(d) < tiny {
			d = tiny
		}
		c = 1 + num/c
		if math.Abs(c) < tiny {
			c = tiny
		}
		d = 1 / d
		h *= d * c
		num = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1))
		d = 1 + num*d
		if math.Abs(d) < tiny {
			d = tiny
		}
		c = 1 + num/c
		if math.Abs(c) < tiny {
			c = tiny
		}
		d = 1 / d
		del := d * c
		h *= del
		if math.Abs(del-1) < 1e-15 {
			break
		}
	}
	return h
}
