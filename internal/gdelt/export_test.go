package gdelt

// ISOCodes returns the ISO codes of the country table, in table order, and
// whether each shares its FIPS code with its sovereign.
func ISOCodes() (codes []string, shared []bool) {
	for _, c := range countries {
		codes = append(codes, c.iso)
		shared = append(shared, sharedFIPS[c.iso])
	}
	return codes, shared
}

// FIPSOnly returns the FIPS codes that name no country of the table.
func FIPSOnly() map[string]string { return fipsOnly }
