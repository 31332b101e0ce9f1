// Package bigmath computes exact big-number results for Emma's workers:
// factorials, Fibonacci numbers, binomial coefficients, integer powers,
// digits of pi, e and square roots, primality and factorization, and the
// decimal text of big integers.
//
// Long functions take a context and a [Progress] callback, and they return
// ctx.Err() unchanged when the context ends. They check the context between
// the steps of their algorithms and inside huge multiplications and
// divisions, which they split into math/big operations on at most about a
// million bits. BenchmarkCancelLatency cancels each function half a second
// into a long run and reports how long it kept running.
//
// IsPrime has no context and cannot be interrupted. IsPrimeContext, which
// Factor uses, can.
package bigmath
