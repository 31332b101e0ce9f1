// Package bigmath computes exact big-number results for Emma's workers:
// factorials, Fibonacci numbers, binomial coefficients, integer powers,
// digits of pi, e and square roots, primality and factorization, and the
// decimal text of big integers.
//
// Long functions take a context and a [Progress] callback, and they return
// ctx.Err() unchanged when the context ends. They check the context between
// the steps of their algorithms and inside huge multiplications and
// divisions, which they split into math/big operations on at most about
// two million bits. BenchmarkCancelLatency cancels each function half a
// second into a long run. On a shared 2-core AMD EPYC machine, all of them
// returned within 90 ms of cancellation.
//
// NOTE: IsPrime and the primality tests inside Factor call
// big.Int.ProbablyPrime, which cannot be interrupted and takes seconds on
// numbers with tens of thousands of digits.
package bigmath
