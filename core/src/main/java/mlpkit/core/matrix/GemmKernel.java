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
    /**
     * Rows [i0, i1) of the product; when {@code bias} is not null, {@code bias[biasOffset + j]} is added
     * to each finished chain, {@code c_ij = chain_ij + b_j}: the same bits as adding b in a separate pass
     * afterwards (the epilogue of z = x·W + b, which saves that pass over z).
     */
    void gemm(int i0, int i1, int n, int k,
              double[] a, int ao, int aRowStride, int aDepthStride,
              double[] b, int bo,
              double[] c, int co, boolean accumulate,
              double[] bias, int biasOffset);

    /** The product without a bias. */
    default void gemm(int i0, int i1, int n, int k,
                      double[] a, int ao, int aRowStride, int aDepthStride,
                      double[] b, int bo,
                      double[] c, int co, boolean accumulate) {
        gemm(i0, i1, n, k, a, ao, aRowStride, aDepthStride, b, bo, c, co, accumulate, null, 0);
    }

    /**
     * How many column pieces {@link #gemmPieces} cuts an n-column C into: pieces are computed independently (each
     * reads only its own columns of B and writes only its own columns of C), so threads can share a product with
     * few rows by columns, each reading its part of B once, where splitting the rows would make every thread read
     * all of B.
     */
    default int columnPieces(int n) {
        return 1;
    }

    /**
     * The first column of piece q of an n-column C ({@link #columnPieces}); n for q = columnPieces(n). Piece q
     * writes columns [pieceStart(n, q), pieceStart(n, q + 1)) and reads only those columns of B.
     */
    default int pieceStart(int n, int q) {
        return q <= 0 ? 0 : n;
    }

    /** Pieces [q0, q1) of rows [i0, i1) of the product ({@link #columnPieces}); the same bits as {@link #gemm}. */
    default void gemmPieces(int i0, int i1, int q0, int q1, int n, int k,
                            double[] a, int ao, int aRowStride, int aDepthStride,
                            double[] b, int bo,
                            double[] c, int co, boolean accumulate,
                            double[] bias, int biasOffset) {
        if (q0 <= 0 && q1 > 0) {
            gemm(i0, i1, n, k, a, ao, aRowStride, aDepthStride, b, bo, c, co, accumulate, bias, biasOffset);
        }
    }

    /** A short name for benchmarks and logs, e.g. {@code scalar} or {@code vector-512}. */
    String name();

    /** Rows of C its main register tile covers: a split of the rows between threads keeps to multiples of it. */
    default int tileRows() {
        return 4;
    }
}
