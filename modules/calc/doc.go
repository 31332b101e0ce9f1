// Package calc parses and evaluates Emma's calculations: the four binary
// operations on two decimal numbers and free-form expressions.
//
// Every rational result is computed exactly with math/big. Multiples of
// square roots of rationals stay exact where possible, so sqrt(2)*sqrt(2)
// is 2. Other irrational values (pi, e, sums of different roots) are
// enclosed in intervals that are refined until every shown digit is
// proven. Errors caused by the input are returned as *Error and are
// permanent. The syntax and every function are described in
// docs/expressions.md.
package calc
