#!/usr/bin/env python3
"""Every public declaration in include/kik has a Doxygen block: functions, typedefs and
macros a comment /** ... */ right above them (or /**< ... */ after them), and every member
of a struct or enum a /**< ... */ (or a /** ... */ above it)."""
import re
import sys
from pathlib import Path


def documented(lines, i):
    """Whether line i has a Doxygen comment after it or ends a block just above it."""
    if "/**<" in lines[i]:
        return True
    j = i - 1
    while j >= 0 and lines[j].strip() == "":
        j -= 1
    if j < 0 or not lines[j].rstrip().endswith("*/"):
        return False
    while j >= 0 and "/*" not in lines[j]:
        j -= 1
    # a block of its own: not the /**< comment of the line above
    return j >= 0 and lines[j].strip().startswith("/**") and not lines[j].strip().startswith("/**<")


def main(root):
    missing = []
    for header in sorted(Path(root, "include", "kik").glob("*.h*")):
        lines = header.read_text(encoding="utf-8").splitlines()
        in_body = False  # inside the braces of a struct or enum
        for i, line in enumerate(lines):
            s = line.strip()
            where = f"{header.name}:{i + 1}: {s}"
            if re.match(r"typedef (struct|enum) \w+ \{", s) or re.match(r"enum \w+ \{", s):
                if not documented(lines, i):
                    missing.append(where)
                in_body = True
                continue
            if in_body:
                if s.startswith("}"):
                    in_body = False
                elif re.match(r"[\w\s\*\(\),]+[;,]?\s*(/\*.*)?$", s) and not s.startswith(("/*", "*")) and s:
                    if not documented(lines, i):
                        missing.append(where)
                continue
            if s.startswith("KIK_EXTERN(") or (s.startswith("typedef ") and s.endswith(";")):
                if not documented(lines, i):
                    missing.append(where)
            elif re.match(r"#define KIK_\w+", s) and not re.match(r"#define KIK_\w+_H$", s):
                if s.startswith(("#define KIK_BEGIN_DECL", "#define KIK_END_DECL", "#define KIK_EXTERN")):
                    continue  # the macros of the declarations themselves, described in common.h
                if not documented(lines, i):
                    missing.append(where)
    for m in missing:
        print("no Doxygen block: " + m)
    count = sum(len(re.findall(r"KIK_EXTERN\(", p.read_text(encoding="utf-8")))
                for p in Path(root, "include", "kik").glob("*.h*"))
    print(f"docs: {count} functions, {len(missing)} declarations without a Doxygen block")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "."))
