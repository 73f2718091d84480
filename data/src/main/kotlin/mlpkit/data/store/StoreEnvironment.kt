package mlpkit.data.store

import java.nio.file.Path

/**
 * Where the store keeps and looks for data, passed in rather than read from globals so tests (and
 * callers with unusual set-ups) can point it anywhere.
 *
 * @property dataDir the value of `MLP_DATA_DIR`, if set: searched first, and where downloads go.
 * @property homeDir the user's home; the cache is `~/.cache/mlpkit/datasets`.
 */
data class StoreEnvironment(val dataDir: Path?, val homeDir: Path) {
    /** `~/.cache/mlpkit/datasets`: searched after [dataDir]; downloads go here when [dataDir] is not set. */
    val cacheDir: Path get() = homeDir.resolve(".cache").resolve("mlpkit").resolve("datasets")

    /** Where the store writes the files of set [id] it downloads. */
    fun downloadDirectory(id: String): Path = (dataDir ?: cacheDir).resolve(id)

    companion object {
        const val DATA_DIR_VARIABLE = "MLP_DATA_DIR"

        /** From environment variables [variables] (only `MLP_DATA_DIR` is read) and a home directory. */
        fun of(variables: Map<String, String>, homeDir: Path): StoreEnvironment =
            StoreEnvironment(variables[DATA_DIR_VARIABLE]?.takeIf { it.isNotBlank() }?.let { Path.of(it) }, homeDir)

        /** This process's `MLP_DATA_DIR` and `user.home`. */
        fun ofThisProcess(): StoreEnvironment = of(System.getenv(), Path.of(System.getProperty("user.home")))
    }
}
