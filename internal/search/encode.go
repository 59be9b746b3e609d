package search

// Lists of document ids are written as text in the index's JSON: each id
// as its difference from the one before (the first from 0), in digits of
// five bits, least significant first, each digit one character of digits;
// a digit of 32 or more says that another follows. A term's postings give
// each id a weight too, one character after it. A term found in every
// document of ten thousand costs two bytes a document.

// digits are the characters of the encoding, each worth its index: none
// needs escaping in JSON or in a URL.
const digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_"

// maxWeight is the largest weight one character holds.
const maxWeight = len(digits) - 1

// appendNumber appends n in the encoding's digits.
func appendNumber(dst []byte, n int) []byte {
	for n >= 32 {
		dst = append(dst, digits[32|n&31])
		n >>= 5
	}
	return append(dst, digits[n])
}

// numberLen returns how many digits appendNumber writes for n.
func numberLen(n int) int {
	length := 1
	for ; n >= 32; n >>= 5 {
		length++
	}
	return length
}

// appendIDs appends ids, ascending, as differences.
func appendIDs(dst []byte, ids []int) []byte {
	prev := 0
	for _, id := range ids {
		dst = appendNumber(dst, id-prev)
		prev = id
	}
	return dst
}

// digitValue is the value of each character of digits, -1 for others.
var digitValue = func() (v [256]int8) {
	for i := range v {
		v[i] = -1
	}
	for i := range len(digits) {
		v[digits[i]] = int8(i)
	}
	return v
}()

// readNumber reads the number at the start of text, written by
// appendNumber, and returns it with its length; a length of 0 when text
// does not start with one.
func readNumber(text []byte) (n, length int) {
	shift := 0
	for i, c := range text {
		d := int(digitValue[c])
		if d < 0 {
			return 0, 0
		}
		n |= (d & 31) << shift
		shift += 5
		if d < 32 {
			return n, i + 1
		}
	}
	return 0, 0
}
