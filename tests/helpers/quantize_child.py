"""Quantizes a GGUF with llama.cpp's own quantizer, in its own process.

`python -m tests.helpers.quantize_child SOURCE TARGET TYPE` (TYPE: Q4_0, Q4_K_M, Q8_0,
...). llama.cpp runs here, never in the test process, as it never runs in the app's.
"""

from __future__ import annotations

import sys

import llama_cpp

llama_cpp.llama_backend_init()

# llama.cpp's own numbers for the file types (enum llama_ftype).
FILE_TYPES = {"Q4_0": 2, "Q8_0": 7, "Q5_0": 8, "Q4_K_M": 15, "Q5_K_M": 17, "Q6_K": 18}


def main() -> int:
    source, target, kind = sys.argv[1:4]
    params = llama_cpp.llama_model_quantize_default_params()
    params.ftype = FILE_TYPES[kind]
    return int(llama_cpp.llama_model_quantize(source.encode(), target.encode(), params))


if __name__ == "__main__":
    sys.exit(main())
