package facts

import (
	"strconv"
	"strings"
)

// groupThousands writes n with a comma between groups of three digits,
// such as "456,574".
func groupThousands(n int) string {
	digits := strconv.Itoa(n)
	var b strings.Builder
	for i, r := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteByte(',')
		}

		b.WriteRune(r)
	}

	return b.String()
}

// ordinal writes the non-negative integer in decimal text as an English
// ordinal, such as "1st", "12th" or "22nd".
func ordinal(decimal string) string {
	lastTwo := decimal
	if len(lastTwo) > 2 {
		lastTwo = lastTwo[len(lastTwo)-2:]
	}

	n, _ := strconv.Atoi(lastTwo)
	switch {
	case n%100 >= 11 && n%100 <= 13:
		return decimal + "th"
	case n%10 == 1:
		return decimal + "st"
	case n%10 == 2:
		return decimal + "nd"
	case n%10 == 3:
		return decimal + "rd"
	}

	return decimal + "th"
}

// joinList joins items as an English list: "a", "a and b", "a, b, and c".
func joinList(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	case 2:
		return items[0] + " and " + items[1]
	}

	return strings.Join(items[:len(items)-1], ", ") + ", and " + items[len(items)-1]
}

// intsText writes integers as decimal texts.
func intsText(values []int) []string {
	texts := make([]string, len(values))
	for i, v := range values {
		texts[i] = strconv.Itoa(v)
	}

	return texts
}
