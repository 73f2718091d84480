package mlpkit.data.scaling

import mlpkit.data.DenseFeatures

/**
 * The small case compared with scikit-learn 1.2.1 (numbers printed with repr):
 * X = np.array([[1, 10, 5, -2.5], [2, 20, 5, 0.1], [4, 15, 5, 7.3], [7, 35, 5, -1.2], [3, 25, 5, 2.2]]).
 * Column 3 is constant.
 */
internal val smallCase = DenseFeatures.of(
    arrayOf(
        doubleArrayOf(1.0, 10.0, 5.0, -2.5),
        doubleArrayOf(2.0, 20.0, 5.0, 0.1),
        doubleArrayOf(4.0, 15.0, 5.0, 7.3),
        doubleArrayOf(7.0, 35.0, 5.0, -1.2),
        doubleArrayOf(3.0, 25.0, 5.0, 2.2),
    ),
)
