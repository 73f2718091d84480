package mlpkit.data.idx

/** Class names of the image sets, indexed by label. */
object ImageClassNames {
    /** MNIST: the digits "0".."9". */
    val DIGITS: List<String> = List(10) { it.toString() }

    /** Fashion-MNIST, in label order as published by Zalando Research. */
    val FASHION_MNIST: List<String> = listOf(
        "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
        "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot",
    )
}
