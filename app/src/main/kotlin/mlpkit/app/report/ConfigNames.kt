package mlpkit.app.report

import kotlinx.serialization.json.jsonPrimitive
import mlpkit.dsl.spec.LossName
import mlpkit.dsl.spec.ReductionName
import mlpkit.dsl.spec.SpecJson

/** A loss as experiment files write it (`softmax-ce`, `bce`, …), so pictures and reports use the file's words. */
internal fun configName(loss: LossName): String =
    SpecJson.format.encodeToJsonElement(LossName.serializer(), loss).jsonPrimitive.content

/** A reduction as experiment files write it (`mean`, `sum`). */
internal fun configName(reduction: ReductionName): String =
    SpecJson.format.encodeToJsonElement(ReductionName.serializer(), reduction).jsonPrimitive.content
