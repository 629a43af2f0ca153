"""Finds Weir's jars and the java command that runs a plan."""
import glob
import os
import shlex
import shutil

RUNNER = "dev.weir.python.PythonJobRunner"
#: Flink's option for the JVM's options (all of Flink's JVMs; here the one JVM that runs the job).
JAVA_OPTIONS = "env.java.opts.all"


def classpath():
    """WEIR_CLASSPATH if set, else weir-python/target of the source tree this package lives in."""
    configured = os.environ.get("WEIR_CLASSPATH")
    if configured:
        return configured
    directory = os.path.dirname(os.path.abspath(__file__))
    while True:
        target = os.path.join(directory, "weir-python", "target")
        listing = os.path.join(target, "runtime-classpath.txt")
        jars = [j for j in glob.glob(os.path.join(target, "weir-python-*.jar")) if not j.endswith("-tests.jar")]
        if os.path.isfile(listing) and jars:
            with open(listing, encoding="utf-8") as f:
                return os.pathsep.join([jars[0], f.read().strip()])
        parent = os.path.dirname(directory)
        if parent == directory:
            break
        directory = parent
    raise RuntimeError("Weir's jars were not found: set WEIR_CLASSPATH to the weir-python jar and its dependencies "
                       "(./mvnw package -pl weir-python -am writes them to weir-python/target and "
                       "weir-python/target/runtime-classpath.txt), or run the program with ./weir python JOB.py from "
                       "Weir's source tree")


def command(plan_path, java_options=""):
    """The java command that runs the plan; ``java_options`` (the value of env.java.opts.all) go before the class."""
    java_home = os.environ.get("JAVA_HOME")
    java = os.path.join(java_home, "bin", "java") if java_home else shutil.which("java")
    if not java or not os.path.exists(java):
        raise RuntimeError("no java found to run Weir: install a JDK 17 or newer, put java on the PATH or set JAVA_HOME")
    return [java] + shlex.split(java_options) + ["-cp", classpath(), RUNNER, plan_path]
