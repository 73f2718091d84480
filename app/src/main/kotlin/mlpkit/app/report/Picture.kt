package mlpkit.app.report

import java.awt.image.BufferedImage
import java.io.ByteArrayOutputStream
import java.nio.file.Path
import javax.imageio.ImageIO
import mlpkit.data.io.writeAtomically

/**
 * One picture of a run: the PNG [file] name in the run directory, a [title] and a [caption] for the
 * report, and the encoded [png] (written to the file and inlined in the report from the same bytes).
 */
internal class Picture(val file: String, val title: String, val caption: String, val png: ByteArray, val width: Int, val height: Int) {
    /** Writes [png] to [directory]/[file] atomically. */
    fun write(directory: Path) = writeAtomically(directory.resolve(file)) { it.write(png) }

    companion object {
        fun of(file: String, title: String, caption: String, image: BufferedImage): Picture {
            val bytes = ByteArrayOutputStream()
            check(ImageIO.write(image, "png", bytes)) { "no PNG writer in this Java runtime (javax.imageio found none)" }
            return Picture(file, title, caption, bytes.toByteArray(), image.width, image.height)
        }
    }
}
