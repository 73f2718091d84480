package mlpkit.core.matrix;

/**
 * The inner matrix product behind {@link Kernels#multiply} and {@link Kernels#multiplyTransposeA}: rows
 * {@code [i0, i1)} of {@code c = A·B} (or {@code c += A·B}), with B row-major k×n, c row-major m×n, and
 * A read through strides, {@code A(i, p) = a[ao + i·aRowStride + p·aDepthStride]}, so that A and Aᵀ
 * need no copy.
 *
 * <p>Every implementation computes each entry by the same chain of fused multiply-adds in the same
 * order, {@code c_ij ← fma(A(i,p), B(p,j), c_ij)} for p = 0, 1, …, k−1, starting from 0 (or from c_ij
 * when accumulating). That is what makes results bit-identical whichever implementation runs (scalar
 * or SIMD) and however the rows are split between threads.
 */
interface GemmKernel {
    void gemm(int i0, int i1, int n, int k,
              double[] a, int ao, int aRowStride, int aDepthStride,
              double[] b, int bo,
              double[] c, int co, boolean accumulate);

    /** A short name for benchmarks and logs, e.g. {@code scalar} or {@code vector-512}. */
    String name();
}
