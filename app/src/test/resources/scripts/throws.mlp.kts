experiment("empty layer") {
    data { moons(samples = 100) }
    network { dense(0, relu); dense(2, softmax) }
}
