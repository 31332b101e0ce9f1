// Package facts computes verified properties of a calculation result, such
// as primality, the prime factorization, membership of the Fibonacci,
// triangular and factorial sequences, and the decimal period of a fraction.
//
// The insight worker feeds these facts to a language model as data, so the
// model only phrases what this package proved. Sentence builds a plain
// sentence from the facts without a model, and CheckReply rejects a model
// reply that states a number the facts do not contain.
//
// Every check is bounded: Compute stops expensive checks when its context
// ends or when the value is too large for them, and lists the skipped
// checks in Facts.Skipped.
package facts
