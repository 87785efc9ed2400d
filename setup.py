"""Builds the Python package kik: the pure-Python files from bindings/python/kik, and the
SWIG module by CMake (target kik_python, which links the library statically), copied
into the package. The version is the CMake project's."""
import os
import pathlib
import re
import subprocess
import sys

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

ROOT = pathlib.Path(__file__).resolve().parent
BUILD = "build-python"  # setuptools' own directory, apart from a CMake build/ (.gitignore: /build*/)


def version() -> str:
    """The version of project(kik VERSION ...) in CMakeLists.txt."""
    return re.search(r"project\(kik VERSION ([0-9.]+)", (ROOT / "CMakeLists.txt").read_text()).group(1)


class BuildWithCMake(build_ext):
    """Builds the extension with CMake instead of setuptools' compiler."""

    def build_extension(self, ext: Extension) -> None:
        tree = pathlib.Path(self.build_temp).resolve() / "cmake"
        target = pathlib.Path(self.get_ext_fullpath(ext.name)).resolve()
        subprocess.run(["cmake", "-S", str(ROOT), "-B", str(tree), "-DCMAKE_BUILD_TYPE=Release",
                        "-DKIK_BUILD_TESTS=OFF", "-DKIK_BUILD_EXAMPLES=OFF", f"-DPython3_EXECUTABLE={sys.executable}"],
                       check=True)
        subprocess.run(["cmake", "--build", str(tree), "--target", "kik_python", "--parallel",
                        os.environ.get("CMAKE_BUILD_PARALLEL_LEVEL", str(os.cpu_count() or 1))], check=True)
        built = tree / "bindings" / "python" / "kik"
        target.parent.mkdir(parents=True, exist_ok=True)
        self.copy_file(str(built / target.name), str(target))
        self.copy_file(str(built / "core.py"), str(target.parent / "core.py"))


os.makedirs(ROOT / BUILD, exist_ok=True)
setup(
    version=version(),
    package_dir={"": "bindings/python"},
    packages=["kik"],
    package_data={"kik": ["py.typed"]},
    ext_modules=[Extension("kik._core", sources=[])],
    cmdclass={"build_ext": BuildWithCMake},
    options={"build": {"build_base": BUILD}, "egg_info": {"egg_base": BUILD}},
)
