package dedup

import (
	"encoding/binary"
	"fmt"
	"math"
)

// Signature is the MinHash signature of a set: for each of a fixed family
// of hash functions, the least hash of any member. The share of positions
// where two signatures agree estimates the Jaccard similarity of their
// sets ([Signature.Similarity]).
//
// Signatures are comparable only when they were made by the same
// [Detector] configuration (Shingle and Hashes, or StoryTerms and
// StoryHashes) and the same hash family; the family is fixed by a constant
// of this package, so signatures persisted with [Signature.MarshalBinary]
// stay valid across runs.
type Signature []uint32

// signatureVersion is the first byte of a marshalled signature. It changes
// whenever the hash family or the shingling changes, which makes stored
// signatures incomparable with new ones.
const signatureVersion = 1

// Empty reports whether s is the signature of the empty set (or has no
// positions): it matches nothing.
func (s Signature) Empty() bool {
	for _, v := range s {
		if v != math.MaxUint32 {
			return false
		}
	}
	return true
}

// Similarity returns the estimated Jaccard similarity of the sets behind s
// and o: the share of positions where they agree. It is 0 when the
// signatures differ in length or either is empty.
func (s Signature) Similarity(o Signature) float64 {
	if len(s) != len(o) || len(s) == 0 || s.Empty() || o.Empty() {
		return 0
	}
	return float64(agree(s, o)) / float64(len(s))
}

// agree counts the positions where s and o (of equal length) agree.
func agree(s, o []uint32) int {
	n := 0
	o = o[:len(s)]
	for i, v := range s {
		if v == o[i] {
			n++
		}
	}
	return n
}

// AppendBinary appends the encoding of s to b: a version byte, then each
// value as 4 little-endian bytes.
func (s Signature) AppendBinary(b []byte) ([]byte, error) {
	b = append(b, signatureVersion)
	for _, v := range s {
		b = binary.LittleEndian.AppendUint32(b, v)
	}
	return b, nil
}

// MarshalBinary encodes s as [Signature.AppendBinary] does: 1 + 4×len(s)
// bytes, for storing signatures (the store keeps them as BLOBs).
func (s Signature) MarshalBinary() ([]byte, error) {
	return s.AppendBinary(make([]byte, 0, 1+4*len(s)))
}

// UnmarshalBinary decodes a signature encoded by [Signature.MarshalBinary].
// It returns an error wrapping [ErrSignatureFormat] when b is not such an
// encoding.
func (s *Signature) UnmarshalBinary(b []byte) error {
	if len(b) == 0 || b[0] != signatureVersion || (len(b)-1)%4 != 0 {
		return fmt.Errorf("%w: %d bytes", ErrSignatureFormat, len(b))
	}
	b = b[1:]
	v := make(Signature, len(b)/4)
	for i := range v {
		v[i] = binary.LittleEndian.Uint32(b[4*i:])
	}
	*s = v
	return nil
}

// hashFamilySeed seeds the MinHash hash family. Changing it invalidates
// every stored signature: bump signatureVersion with it.
const hashFamilySeed = 0x77_6f_72_6c_64_6d_65_64 // "worldmed"

// minHasher computes MinHash signatures of sets of 64-bit hashes with a
// family of multiply-shift hash functions h_i(x) = (a_i·x + b_i) >> 32 over
// well-mixed x.
type minHasher struct {
	a, b []uint64
}

func newMinHasher(n int) *minHasher {
	m := &minHasher{a: make([]uint64, n), b: make([]uint64, n)}
	state := uint64(hashFamilySeed)
	next := func() uint64 {
		state += 0x9e3779b97f4a7c15
		return mix64(state)
	}
	for i := range n {
		m.a[i] = next() | 1
		m.b[i] = next()
	}
	return m
}

// sign returns the signature of the set of xs (repeats do not matter).
func (m *minHasher) sign(xs []uint64) Signature {
	sig := make(Signature, len(m.a))
	for i := range sig {
		sig[i] = math.MaxUint32
	}
	a, b := m.a, m.b[:len(m.a)]
	sig = sig[:len(a)]
	for _, x := range xs {
		for i, ai := range a {
			if v := uint32((ai*x + b[i]) >> 32); v < sig[i] {
				sig[i] = v
			}
		}
	}
	return sig
}

// mix64 is the splitmix64 finaliser: a fast bijection that spreads every
// input bit over the output.
func mix64(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// FNV-1a, 64 bits: deterministic across processes, unlike hash/maphash,
// which signatures that are stored need.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func fnvByte(h uint64, c byte) uint64 { return (h ^ uint64(c)) * fnvPrime }

func fnvRune(h uint64, r rune) uint64 {
	if r < 0x80 {
		return fnvByte(h, byte(r))
	}
	h = fnvByte(h, 0xff) // no ASCII byte: a rune never hashes like a run of ASCII
	h = fnvByte(h, byte(r))
	h = fnvByte(h, byte(r>>8))
	return fnvByte(h, byte(r>>16))
}

func fnvString(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h = fnvByte(h, s[i])
	}
	return h
}
