"""What scripts/dependencies.txt and dpkg provide (check-dependencies.py).

The half of the check that knows packages: from the list, dpkg's status
file and its file lists, the packages a machine set up by scripts/setup has
(the listed ones, what `apt-get install --no-install-recommends` brings with
them, and the Essential packages), and for a file, whether one of those
packages owns it. A file reached through symlinks, or by its other name
across Debian's /usr merge, counts under each of those names.
"""
import glob
import os
import shutil

DPKG_STATUS = "/var/lib/dpkg/status"
DPKG_INFO = "/var/lib/dpkg/info"
USR_MERGED = ("bin", "sbin", "lib", "lib32", "lib64", "libx32")


def read_list(path):
    """(apt packages, {command: package} of apt-if-missing) from the list."""
    apt, if_missing = [], {}
    for raw in open(path):
        words = raw.split("#", 1)[0].split()
        if not words:
            continue
        if words[0] == "apt" and len(words) == 2:
            apt.append(words[1])
        elif words[0] == "apt-if-missing" and len(words) == 3:
            if_missing[words[1]] = words[2]
    return apt, if_missing


def read_status():
    """{package: fields} of the installed packages, from dpkg's status file."""
    pkgs, fields, last = {}, {}, None
    for line in open(DPKG_STATUS, encoding="utf-8", errors="replace"):
        line = line.rstrip("\n")
        if not line:
            if fields.get("Status", "").endswith(" installed") and "Package" in fields:
                pkgs[fields["Package"]] = fields
            fields, last = {}, None
        elif line[0] in " \t" and last:
            fields[last] += " " + line.strip()
        elif ":" in line:
            last, value = line.split(":", 1)
            fields[last] = value.strip()
    if fields.get("Status", "").endswith(" installed") and "Package" in fields:
        pkgs[fields["Package"]] = fields
    return pkgs


def closure(roots, pkgs):
    """The installed packages that roots need through Depends and Pre-Depends."""
    provides = {}
    for name, f in pkgs.items():
        for p in f.get("Provides", "").split(","):
            p = p.split("(")[0].strip()
            if p:
                provides.setdefault(p, []).append(name)

    def installed_as(name):
        name = name.split(":")[0]  # "python3:any"
        if name in pkgs:
            return [name]
        return provides.get(name, [])

    seen, todo = set(), [r for r in roots if r in pkgs]
    while todo:
        p = todo.pop()
        if p in seen:
            continue
        seen.add(p)
        deps = pkgs[p].get("Depends", "") + "," + pkgs[p].get("Pre-Depends", "")
        for clause in deps.split(","):
            for alt in clause.split("|"):
                name = alt.strip().split(" ")[0].split("(")[0]
                if not name:
                    continue
                found = installed_as(name)
                if found:
                    todo.extend(found)  # the first alternative apt can use
                    break
    return seen


def read_owners():
    """{path: {package}} from dpkg's file lists."""
    owners = {}
    for lst in glob.glob(os.path.join(DPKG_INFO, "*.list")):
        pkg = os.path.basename(lst)[:-len(".list")].split(":")[0]
        for line in open(lst, encoding="utf-8", errors="replace"):
            owners.setdefault(line.rstrip("\n"), set()).add(pkg)
    return owners


def usr_variants(path):
    """PATH and its other name across the /usr merge (/lib/x <-> /usr/lib/x)."""
    out = [path]
    parts = path.split("/")
    if len(parts) > 2 and parts[1] == "usr" and parts[2] in USR_MERGED:
        out.append("/" + "/".join(parts[2:]))
    elif len(parts) > 1 and parts[1] in USR_MERGED:
        out.append("/usr" + path)
    return out


def symlink_chain(path):
    """PATH, each symlink hop it goes through, and its real path."""
    chain, cur = [path], path
    for _ in range(40):
        if not os.path.islink(cur):
            break
        cur = os.path.normpath(os.path.join(os.path.dirname(cur), os.readlink(cur)))
        chain.append(cur)
    chain.append(os.path.realpath(path))
    return list(dict.fromkeys(chain))


class Provided:
    """The packages the list brings, and whether they own a file."""

    def __init__(self, list_path):
        self.pkgs = read_status()
        self.owners = read_owners()
        apt, self.if_missing = read_list(list_path)
        self.problems = []
        for p in apt:
            if p not in self.pkgs:
                self.problems.append("%s is listed but not installed (run scripts/setup)" % p)
        roots = set(apt) | set(self.if_missing.values())
        roots |= {p for p, f in self.pkgs.items() if f.get("Essential") == "yes"}
        self.allowed = closure(roots, self.pkgs)
        # Commands that apt-if-missing lets come from elsewhere (NodeSource).
        self.free_commands = set()
        for cmd, pkg in self.if_missing.items():
            if pkg not in self.pkgs and shutil.which(cmd):
                self.free_commands.update(symlink_chain(shutil.which(cmd)))

    def verdict(self, path):
        """None if PATH is allowed, else why not."""
        if path in self.free_commands:
            return None
        seen_owner = False
        for hop in symlink_chain(path):
            for name in usr_variants(hop):
                owners = self.owners.get(name)
                if not owners:
                    continue
                seen_owner = True
                if not owners & self.allowed:
                    return "from package %s, which the list does not bring" % ", ".join(sorted(owners))
                break
        if not seen_owner:
            return "not from any Debian package"
        return None
