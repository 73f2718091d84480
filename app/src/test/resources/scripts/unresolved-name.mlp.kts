experiment("typo") {
    data { moons(samples = 100) }
    network { dense(10, rleu); dense(2, softmax) }
}
