experiment("broken") {
    data { moons(samples = 100) }
    network { dense(10, relu) dense(2, softmax) }
}
