package mlpkit.data.csv

/** Which columns of a CSV file are the targets, and what kind of targets they are. */
sealed interface CsvTarget {
    /**
     * One column of class labels. Labels that are whole numbers ≥ 0 (`3`, also `3.0`) are used as they
     * are, so a file that lacks some class keeps the others' numbers, and the classes are named
     * "0".."max". Other labels (names such as `setosa`, or negative numbers such as `-1`) are sorted
     * (numbers by value, names alphabetically) and numbered 0..K−1 in that order, their text kept as
     * class names. With [classNames] given, each label must be one of them and gets its position in
     * that list: use it to number the classes of a test file the same way as its training file.
     */
    data class ClassLabel(val column: CsvColumn = CsvColumn.Last, val classNames: List<String>? = null) : CsvTarget {
        init {
            require(classNames == null || (classNames.isNotEmpty() && classNames.toSet().size == classNames.size)) {
                "class names must be distinct and not empty, got $classNames"
            }
        }
    }

    /** Real-valued targets, one or more columns, in the order given (the outputs of a regression). */
    data class Regression(val columns: List<CsvColumn> = listOf(CsvColumn.Last)) : CsvTarget {
        init {
            require(columns.isNotEmpty()) { "a regression needs at least one target column" }
        }
    }
}
