#!/usr/bin/env python3
"""Checks ONNX files written by `mlp export` with the onnx package's own checker (a development aid; the tests do not
need Python: they run the files in ONNX Runtime's Java API).

    python3 -m venv /tmp/onnx-venv && /tmp/onnx-venv/bin/pip install onnx
    /tmp/onnx-venv/bin/python scripts/check_onnx.py model.onnx [more.onnx ...]

For each file: onnx.checker.check_model with full_check (which runs strict shape inference), then the opset, the
input and output names with their shapes (the batch dimension by its name), and the metadata_props.
Exit status 1 when a file fails.
"""
import sys

import onnx


def describe(value):
    dims = [d.dim_param or d.dim_value for d in value.type.tensor_type.shape.dim]
    elem = onnx.TensorProto.DataType.Name(value.type.tensor_type.elem_type)
    return f"{value.name} {elem} {dims}"


def main(paths):
    failed = False
    for path in paths:
        model = onnx.load(path)
        try:
            onnx.checker.check_model(model, full_check=True)
        except Exception as e:  # the checker raises several kinds of errors
            print(f"{path}: FAILED: {e}")
            failed = True
            continue
        opsets = ", ".join(f"{o.domain or 'ai.onnx'} {o.version}" for o in model.opset_import)
        inputs = "; ".join(describe(v) for v in model.graph.input)
        outputs = "; ".join(describe(v) for v in model.graph.output)
        print(f"{path}: ok (IR {model.ir_version}, opset {opsets}): {inputs} -> {outputs}")
        for prop in model.metadata_props:
            print(f"  {prop.key} = {prop.value}")
    return 1 if failed else 0


if __name__ == "__main__":
    if len(sys.argv) < 2:
        print(__doc__)
        sys.exit(2)
    sys.exit(main(sys.argv[1:]))
