package mlpkit.data.generators

import mlpkit.core.matrix.DenseMatrix
import mlpkit.data.Dataset

/**
 * What `make_regression(..., coef=True)` returns: the data set and the coefficients of the linear
 * model behind it, [coefficients] being `n_features × n_targets` (rows in the data set's feature order,
 * i.e. shuffled along with the features; zero for the uninformative ones).
 */
class RegressionProblem(val dataset: Dataset, val coefficients: DenseMatrix)
