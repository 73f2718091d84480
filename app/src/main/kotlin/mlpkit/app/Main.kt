package mlpkit.app

fun main(args: Array<String>) {
    println("mlp")
}
