package facts

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// Limits on the sentence.
const (
	// MaxSentenceLength is the maximum length of Sentence, in runes.
	MaxSentenceLength = 200
	// maxIsClaims and maxWithClaims bound the optional claims in a sentence.
	maxIsClaims   = 3
	maxWithClaims = 2
)

// noFactsSentence is the sentence for a value whose text is not a number.
const noFactsSentence = "No verified facts are available for this result."

// sentencePlan is the skeleton of a sentence: a subject, the claims that
// always appear, and the optional claims in order of preference.
type sentencePlan struct {
	subject string
	fixed   []claim
	// absSubject names |n| for a negative integer, and the optional claims
	// then describe it in a second clause.
	absSubject string
	optional   []claim
}

// Sentence returns one plain English sentence of at most MaxSentenceLength
// runes, built only from the facts, such as "5 is prime, odd, and the 5th
// Fibonacci number." It prefers the most distinctive facts, so that
// different numbers read differently.
func (f Facts) Sentence() string {
	if !f.hasValue() {
		return noFactsSentence
	}

	plan := f.plan()

	return plan.render(plan.choose())
}

// claims returns the claims that Sentence states.
func (f Facts) claims() []claim {
	if !f.hasValue() {
		return nil
	}

	plan := f.plan()

	return append(append([]claim(nil), plan.fixed...), plan.choose()...)
}

// hasValue reports whether the facts describe a value: they do not when
// the text was invalid, or for the zero Facts.
func (f Facts) hasValue() bool {
	return !f.Invalid && (f.Exact || f.Value != "")
}

// plan returns the sentence plan for the kind of value.
func (f Facts) plan() sentencePlan {
	switch {
	case !f.Exact:
		return f.approximatePlan()
	case f.Integer:
		return f.integerPlan()
	}

	return f.fractionPlan()
}

// choose returns the optional claims that fit, in order of preference.
func (p sentencePlan) choose() []claim {
	var chosen []claim
	isCount, withCount := 0, 0
	for _, c := range p.optional {
		if c.with && withCount == maxWithClaims || !c.with && isCount == maxIsClaims {
			continue
		}

		candidate := append(append([]claim(nil), chosen...), c)
		if utf8.RuneCountInString(p.render(candidate)) > MaxSentenceLength {
			continue
		}

		chosen = candidate
		if c.with {
			withCount++
		} else {
			isCount++
		}
	}

	return chosen
}

// render writes the sentence with the fixed claims and the chosen ones.
func (p sentencePlan) render(chosen []claim) string {
	var isTexts, withTexts []string
	for _, c := range chosen {
		if c.with {
			withTexts = append(withTexts, c.text)
		} else {
			isTexts = append(isTexts, c.text)
		}
	}

	fixed := make([]string, len(p.fixed))
	for i, c := range p.fixed {
		fixed[i] = c.text
	}

	var b strings.Builder
	b.WriteString(p.subject)
	switch {
	case p.absSubject != "" && len(isTexts) > 0:
		b.WriteString(" is " + joinList(fixed) + ", and " + p.absSubject + " is " + joinList(isTexts))
	case len(isTexts) > 0 && len(fixed) > 0 && leadsParity(chosen):
		all := append(append([]string{isTexts[0]}, fixed...), isTexts[1:]...)
		b.WriteString(" is " + joinList(all))
	case len(fixed)+len(isTexts) > 0:
		b.WriteString(" is " + joinList(append(fixed, isTexts...)))
	}

	if len(withTexts) > 0 {
		b.WriteString(", with " + joinList(withTexts))
	}

	b.WriteString(".")

	return capitalize(b.String())
}

// leadsParity reports whether the first chosen "is" claim is distinctive
// enough to come before the fixed claims, as in "5 is prime, odd, ...".
func leadsParity(chosen []claim) bool {
	for _, c := range chosen {
		if !c.with {
			return c.lead
		}
	}

	return false
}

// capitalize upper-cases the first letter of s when it is a lower-case
// ASCII letter.
func capitalize(s string) string {
	if s != "" && s[0] >= 'a' && s[0] <= 'z' {
		return string(s[0]-'a'+'A') + s[1:]
	}

	return s
}

// integerPlan plans the sentence for an integer.
func (f Facts) integerPlan() sentencePlan {
	plan := sentencePlan{subject: f.integerSubject()}
	switch {
	case f.Zero:
		plan.fixed = []claim{f.parityClaim(), f.signClaim()}
		if c, ok := f.primeClaim(); ok {
			plan.fixed = append(plan.fixed, c)
		}

		return plan
	case f.Negative:
		plan.fixed = []claim{f.signClaim(), f.parityClaim()}
		plan.absSubject = "its absolute value"
		if f.AbsoluteValue != "" && len(f.AbsoluteValue) <= maxInlineDigits {
			plan.absSubject += " " + f.AbsoluteValue
		}
	default:
		plan.fixed = []claim{f.parityClaim()}
	}

	plan.optional = f.propertyClaims()

	return plan
}

// integerSubject names an integer: its digits when they are short enough,
// otherwise its size.
func (f Facts) integerSubject() string {
	switch {
	case f.Value == "":
		return "a " + groupThousands(f.BitLength) + "-bit number"
	case f.LeadingDigits != "":
		return "a " + groupThousands(f.Digits) + "-digit number with leading digits " + f.LeadingDigits
	}

	return f.Value
}

// fractionPlan plans the sentence for a non-integer rational.
func (f Facts) fractionPlan() sentencePlan {
	plan := sentencePlan{subject: f.Value, fixed: []claim{f.signClaim()}}
	if f.Value == "" || utf8.RuneCountInString(f.Value) > maxInlineDigits {
		plan.subject = "the result"
	}

	if f.Fraction != "" && f.Value != f.Fraction && len(f.Fraction) <= maxInlineDigits {
		num, den, _ := strings.Cut(f.Fraction, "/")
		plan.optional = append(plan.optional, claim{kind: kindFraction, text: "equal to " + f.Fraction,
			numbers: []string{num, den}})
	}

	if c, ok := f.expansionClaim(); ok {
		plan.optional = append(plan.optional, c)
	}

	if f.IntegerPart != "" && len(f.IntegerPart) <= maxInlineDigits {
		plan.optional = append(plan.optional, claim{kind: kindIntegerPart, text: "integer part " + f.IntegerPart,
			with: true, numbers: []string{f.IntegerPart}})
	}

	return plan
}

// expansionClaim states whether the decimal expansion terminates, and its
// start and period when it repeats.
func (f Facts) expansionClaim() (claim, bool) {
	switch {
	case f.Terminating:
		return claim{kind: kindTerminating, text: "a terminating decimal expansion", with: true}, true
	case f.Fraction == "":
		return claim{}, false
	}

	c := claim{kind: kindRepeating, text: "a repeating decimal expansion", with: true}
	if f.Decimal != "" {
		c.text = "repeating decimal expansion " + f.Decimal
		c.numbers = append(c.numbers, strings.TrimSuffix(f.Decimal, "…"))
	}

	if f.RepeatingPeriod > 0 {
		period := strconv.Itoa(f.RepeatingPeriod)
		c.text += " (period " + period + ")"
		c.numbers = append(c.numbers, period)
	}

	return c, true
}

// approximatePlan plans the sentence for an approximation.
func (f Facts) approximatePlan() sentencePlan {
	plan := sentencePlan{subject: "the result"}
	if utf8.RuneCountInString(f.Value) <= maxInlineDigits {
		plan.fixed = append(plan.fixed, claim{kind: kindApproximately, text: "approximately " + f.Value,
			numbers: []string{f.Value}})
	} else if f.SignificantDigits == 0 {
		plan.fixed = append(plan.fixed, claim{kind: kindApproximately, text: "approximately 0",
			numbers: []string{"0"}})
	} else {
		digits := strconv.Itoa(f.SignificantDigits)
		plan.optional = append(plan.optional, claim{kind: kindSignificantDigs,
			text: "an approximation to " + groupThousands(f.SignificantDigits) + " significant digits",
			with: true, numbers: []string{digits}})
	}

	if f.SignificantDigits > 0 {
		plan.fixed = append(plan.fixed, f.signClaim())
	}

	return plan
}
