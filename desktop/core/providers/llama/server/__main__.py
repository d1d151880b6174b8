"""Entry of the model host process (see the package docstring)."""

# llama.cpp's backend is initialised before anything else: CUDA builds crash on their
# first model load when other native libraries (numpy, and what `desktop.core` brings)
# were loaded first.
import llama_cpp

llama_cpp.llama_backend_init()

import sys  # noqa: E402

from desktop.core.providers.llama.server.serve import main  # noqa: E402

sys.exit(main())
