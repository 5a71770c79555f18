# lit configuration for aiprov's command-line tests. Each test is one
# fixture and one behaviour; RUN lines call the real binaries.
import os
import lit.formats

config.name = "aiprov"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".test", ".cpp", ".c", ".h"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.aiprov_binary_dir, "tests", "lit-out")
config.excludes = ["Inputs", "lit.cfg.py", "lit.site.cfg.py.in"]

config.substitutions.append(("%expect-exit", "python3 " + os.path.join(
    os.path.dirname(__file__), "Inputs", "expect-exit.py")))
config.substitutions.append(("%aiprov", config.aiprov_tool))
config.substitutions.append(("%srcroot", config.aiprov_source_dir))
config.substitutions.append(("%plugin", os.path.join(config.aiprov_lib_dir, "libaiprov-plugin.so")))
config.substitutions.append(("%tidy-module", os.path.join(config.aiprov_lib_dir, "libaiprov-tidy.so")))
config.substitutions.append(("%test_tools", config.test_tools_dir))
config.environment["PATH"] = os.pathsep.join(
    [config.llvm_bin_dir, config.aiprov_tool_dir, config.environment.get("PATH", os.environ["PATH"])])
# Keep git from reading the user's configuration in tests.
config.environment["GIT_CONFIG_NOSYSTEM"] = "1"
config.environment["HOME"] = config.test_exec_root

# As root, permission bits don't stop reads: tests of unreadable files skip.
if os.geteuid() == 0:
    config.available_features.add("root")
