package mlpkit.dsl.model

import java.nio.file.Path

/** Writes [text] (UTF-8) to [target] all or nothing: see [mlpkit.data.io.writeAtomically]. */
fun writeAtomically(target: Path, text: String) = mlpkit.data.io.writeAtomically(target) { it.write(text.toByteArray(Charsets.UTF_8)) }
