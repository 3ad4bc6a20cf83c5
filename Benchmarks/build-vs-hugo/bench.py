#!/usr/bin/env python3
"""Mercato's site build against Hugo's on the same products, in one run. See README.md beside this file.

Usage: Benchmarks/build-vs-hugo/run [--products N] [--reviews M] [--workdir DIR]
Environment: MERCATO_BIN, the mercato binary to measure (default: build it with `swift build -c release`).
Python 3.11 standard library only.
"""

import argparse
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
TIME = "/usr/bin/time"
MARKER = ".build-vs-hugo"  # marks a work folder this script made, so it may empty it again
TEMPLATE_EDIT = "<!-- build-vs-hugo: one template edited -->\n"


class StepFailed(Exception):
    def __init__(self, step: str, message: str, log: Path | None = None):
        super().__init__(f"step '{step}' failed: {message}" + (f" (log: {log})" if log else ""))
        self.log = log


@dataclass
class Measurement:
    wall: float
    user: float
    sys: float
    max_rss_kib: int
    output: str

    @property
    def cpu(self) -> float:
        return self.user + self.sys

    @property
    def peak_mib(self) -> float:
        return self.max_rss_kib / 1024


@dataclass
class Row:
    run: str
    products: int
    pages_written: int
    measurement: Measurement
    output_bytes: int
    output_files: int


# ---------------------------------------------------------------------------------------------------------
# Running and measuring


class Runner:
    def __init__(self, workdir: Path):
        self.logs = workdir / "logs"
        self.logs.mkdir(parents=True, exist_ok=True)

    def timed(self, step: str, name: str, command: list[str]) -> Measurement:
        """Runs `command` under GNU time; its output goes to logs/<name>.log. Fails the step on a non-zero exit."""
        log, time_file = self.logs / f"{name}.log", self.logs / f"{name}.time"
        with open(log, "w", encoding="utf-8") as out:
            out.write("$ " + " ".join(command) + "\n")
            out.flush()
            status = subprocess.run([TIME, "-f", "%e %U %S %M", "-o", str(time_file), *command],
                                    stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL).returncode
        text = log.read_text(encoding="utf-8", errors="replace")
        if status != 0:
            tail = "\n".join(text.rstrip().splitlines()[-15:])
            raise StepFailed(step, f"exited with status {status}:\n{tail}", log)
        fields = time_file.read_text().strip().splitlines()[-1].split()
        return Measurement(float(fields[0]), float(fields[1]), float(fields[2]), int(fields[3]),
                           text.split("\n", 1)[1] if "\n" in text else "")


class Mercato:
    """A private copy of the mercato binary, so that every row measures the same build even if
    `.build/release/mercato` is rebuilt (or half-written) while the benchmark runs."""

    def __init__(self, source: Path, shop: Path, runner: Runner):
        self.source, self.shop, self.runner = source, shop, runner
        self.binary = shop / "bin" / "mercato"
        self.source_modified = self._copy()

    def _copy(self, seconds: int = 120) -> float:
        """Waits until the source binary exists and has not changed for 3 s, copies it and checks the copy runs."""
        deadline = time.monotonic() + seconds
        waiting = False
        while True:
            try:
                before = self.source.stat()
                time.sleep(3)
                after = self.source.stat()
                stable = (before.st_mtime_ns, before.st_size) == (after.st_mtime_ns, after.st_size)
                if stable and os.access(self.source, os.X_OK):
                    shutil.rmtree(self.binary.parent, ignore_errors=True)
                    self.binary.parent.mkdir(parents=True)
                    shutil.copy2(self.source, self.binary)
                    for bundle in self.source.resolve().parent.glob("*.resources"):
                        shutil.copytree(bundle, self.binary.parent / bundle.name)
                    check = subprocess.run([str(self.binary), "--help"], capture_output=True, text=True)
                    if check.returncode == 0:
                        return after.st_mtime
                    if self.source.stat().st_mtime_ns == after.st_mtime_ns:
                        raise StepFailed("find mercato", f"`{self.source} --help` exited with status "
                                         f"{check.returncode}: {(check.stderr or check.stdout).strip()[:500]}")
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise StepFailed("find mercato", f"{self.source} is missing, not executable or keeps changing")
            if not waiting:
                print(f"      waiting for {self.source} (missing or being rebuilt)…", flush=True)
                waiting = True

    def run(self, step: str, name: str, *arguments: str) -> Measurement:
        return self.runner.timed(step, name, [str(self.binary), *arguments, "--shop", str(self.shop)])

    def build(self, step: str, name: str) -> tuple[Measurement, dict]:
        measurement = self.run(step, name, "build")
        match = re.search(r"Built (\d+) outputs in [\d.]+ s: (\d+) rendered, (\d+) written, (\d+) deleted\.",
                          measurement.output)
        if not match:
            raise StepFailed(step, "no 'Built N outputs …' line in mercato build's output", self.runner.logs / f"{name}.log")
        outputs, rendered, written, deleted = map(int, match.groups())
        return measurement, {"outputs": outputs, "rendered": rendered, "written": written, "deleted": deleted}


def folder_stats(folder: Path) -> dict:
    """Total bytes and file count (sizes summed, not disk blocks), and what kinds of files the folder holds."""
    total, files, kinds = 0, 0, {}
    for directory, _, names in os.walk(folder):
        relative_dir = Path(directory).relative_to(folder).as_posix()
        for name in names:
            total += os.stat(os.path.join(directory, name), follow_symlinks=False).st_size
            files += 1
            kind = classify(f"{relative_dir}/{name}" if relative_dir != "." else name)
            kinds[kind] = kinds.get(kind, 0) + 1
    return {"bytes": total, "files": files, "kinds": kinds}


def classify(path: str) -> str:
    if path.startswith("products/") and "/reviews/" in path and path.endswith(".html"):
        return "review pages"
    if path.startswith("products/") and path.endswith(".html"):
        return "product pages"
    if path.startswith("categories/") and path.endswith(".html"):
        return "category pages"
    if path.endswith(".html"):
        return "other HTML pages"
    if path.startswith(("images/", "css/", "js/")):
        return "asset files"
    if path.endswith(".xml") and "sitemap" not in path:
        return "feed files"
    return "other files"


# ---------------------------------------------------------------------------------------------------------
# Steps


def prepare_workdir(workdir: Path) -> None:
    if workdir == REPO or workdir in REPO.parents or workdir == Path("/"):
        raise StepFailed("prepare the work folder", f"refusing to use {workdir}: pick a folder of its own")
    if workdir.exists() and any(workdir.iterdir()) and not (workdir / MARKER).exists():
        raise StepFailed("prepare the work folder",
                         f"{workdir} is not empty and was not made by this benchmark; pick another --workdir")
    workdir.mkdir(parents=True, exist_ok=True)
    (workdir / MARKER).write_text("Made by Benchmarks/build-vs-hugo; the next run empties it.\n")
    for name in ["bin", "Templates", "public", "Content", "dist", "hugo", "logs", "var", "mercato.yaml", "results.md",
                 "results.json"]:
        path = workdir / name
        if path.is_dir():
            shutil.rmtree(path)
        elif path.exists():
            path.unlink()
    shutil.copytree(REPO / "Templates", workdir / "Templates")
    # The demo paints its own product images into public/images/products/.
    images = REPO / "public" / "images"
    shutil.copytree(REPO / "public", workdir / "public",
                    ignore=lambda folder, names: ["products"] if Path(folder) == images else [])
    shutil.copytree(REPO / "Content" / "pages", workdir / "Content" / "pages")


def resolve_mercato() -> Path:
    if os.environ.get("MERCATO_BIN"):
        return Path(os.path.abspath(os.environ["MERCATO_BIN"]))
    print("Building mercato (swift build -c release --product mercato); set MERCATO_BIN to skip this.", flush=True)
    environment = dict(os.environ)
    if Path("/opt/swift/usr/bin").is_dir():
        environment["PATH"] = "/opt/swift/usr/bin:" + environment.get("PATH", "")
    status = subprocess.run(["swift", "build", "-c", "release", "--product", "mercato"], cwd=REPO,
                            env=environment).returncode
    if status != 0:
        raise StepFailed("build mercato", f"swift build exited with status {status}")
    return REPO / ".build" / "release" / "mercato"


def apt_install(package: str) -> None:
    sudo = [] if os.geteuid() == 0 else ["sudo"]
    print(f"Installing {package} from Debian: {' '.join(sudo + ['apt-get', 'install', '-y', package])}", flush=True)
    if subprocess.run([*sudo, "apt-get", "install", "-y", package]).returncode != 0:
        raise StepFailed(f"install {package}", f"apt-get install -y {package} failed")


def ensure_tools() -> str:
    if not os.access(TIME, os.X_OK):
        apt_install("time")
    if shutil.which("hugo") is None:
        apt_install("hugo")
    version = subprocess.run(["hugo", "version"], capture_output=True, text=True).stdout.strip()
    match = re.search(r"v\d+\.\d+\.\d+", version)
    print(version)
    return match.group(0) if match else version


def clear_build_manifest(database: Path) -> None:
    """Forget every previous build (migrations "v1 build manifest", "v6 search terms"), so the next build
    renders everything and tokenises every product."""
    connection = sqlite3.connect(database)
    try:
        with connection:
            connection.execute("DELETE FROM buildOutput")
            connection.execute("DELETE FROM contentFile")
            connection.execute("DELETE FROM searchTerms")
    finally:
        connection.close()


def active_products(database: Path) -> int:
    connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        return connection.execute("SELECT COUNT(*) FROM product WHERE status = 'active'").fetchone()[0]
    finally:
        connection.close()


def product_to_edit(database: Path) -> tuple[str, str]:
    """A product in the middle of the catalog and a new price one unit above its current one."""
    connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        count = connection.execute("SELECT COUNT(*) FROM product WHERE status = 'active'").fetchone()[0]
        slug, price = connection.execute(
            "SELECT slug, priceMinor FROM product WHERE status = 'active' ORDER BY id LIMIT 1 OFFSET ?",
            (count // 2,)).fetchone()
    finally:
        connection.close()
    new_price = price + 100
    return slug, f"{new_price // 100}.{new_price % 100:02d}"


def mercato_revision() -> str:
    try:
        head = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"], capture_output=True,
                              text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(REPO), "status", "--porcelain", "--", "Sources", "Package.swift"],
                               capture_output=True, text=True).stdout.strip()
        return head + (" with uncommitted changes in Sources/" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return "unknown revision"


# ---------------------------------------------------------------------------------------------------------
# Report


def table(rows: list[Row], title: str) -> list[str]:
    lines = [title,
             "| run                                   | products | pages written | wall s | CPU s | peak MiB | output MB (files) |",
             "|---------------------------------------|---------:|--------------:|-------:|------:|---------:|------------------:|"]
    for row in rows:
        m = row.measurement
        output = f"{row.output_bytes / 1e6:,.1f} ({row.output_files:,})"
        lines.append(f"| {row.run:<37} | {row.products:>8,} | {row.pages_written:>13,} | {m.wall:>6.2f} | "
                     f"{m.cpu:>5.2f} | {m.peak_mib:>8,.0f} | {output:>17} |")
    return lines


def describe_kinds(kinds: dict) -> str:
    order = ["product pages", "review pages", "category pages", "other HTML pages", "feed files", "asset files",
             "other files"]
    return ", ".join(f"{kinds[k]:,} {k if kinds[k] != 1 else k.replace('pages', 'page').replace('files', 'file')}"
                     for k in order if kinds.get(k))


def parse_arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="Benchmarks/build-vs-hugo/run",
        description="Build the same demo catalog with Mercato and with Hugo and print a side-by-side table.")
    parser.add_argument("--products", type=int, default=10_000, help="number of products (default 10,000)")
    parser.add_argument("--reviews", type=int, help="number of reviews (default 20 × products)")
    parser.add_argument("--workdir", type=Path,
                        help="work folder (default var/bench/build-vs-hugo-<N> in the repository)")
    arguments = parser.parse_args()
    if arguments.products < 1:
        parser.error("--products must be at least 1")
    if arguments.reviews is None:
        arguments.reviews = 20 * arguments.products
    if arguments.reviews < 0:
        parser.error("--reviews must be 0 or more")
    if arguments.workdir is None:
        arguments.workdir = REPO / "var" / "bench" / f"build-vs-hugo-{arguments.products}"
    arguments.workdir = arguments.workdir.resolve()
    return arguments


def main() -> int:
    arguments = parse_arguments()
    products, reviews, workdir = arguments.products, arguments.reviews, arguments.workdir
    try:
        return run(products, reviews, workdir)
    except StepFailed as failure:
        print(f"\nerror: {failure}", file=sys.stderr)
        return 1


def run(products: int, reviews: int, workdir: Path) -> int:
    prepare_workdir(workdir)
    hugo_version = ensure_tools()
    binary = resolve_mercato()
    runner = Runner(workdir)
    mercato = Mercato(binary, workdir, runner)
    load_before = os.getloadavg()[0]
    built = time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime(mercato.source_modified))
    revision = mercato_revision()  # now: the sources may change while the run goes on
    print(f"Work folder: {workdir}\nMercato: a copy of {binary} (built {built}; {revision})")

    print(f"\n[1/8] mercato demo: {products:,} products, {reviews:,} reviews", flush=True)
    demo = mercato.run("mercato demo", "demo", "demo", "--products", str(products), "--reviews", str(reviews),
                       "--force")
    print(f"      {demo.wall:.2f} s wall, {demo.cpu:.2f} s CPU, {demo.peak_mib:,.0f} MiB peak")
    active = active_products(workdir / "var" / "mercato.sqlite")

    rows, full_summary, full_stats, stages = measure_mercato(mercato, workdir, active)

    # After the price edit, so that both outputs show the same catalog.
    print("[6/8] export the catalog to a Hugo site", flush=True)
    hugo_site = workdir / "hugo"
    export = runner.timed("Hugo export", "hugo-export",
                          [sys.executable, str(HERE / "export_hugo.py"), str(workdir), str(hugo_site)])
    print(f"      {export.output.strip().splitlines()[-1]}")
    print(f"      {export.wall:.2f} s wall, {export.cpu:.2f} s CPU, {export.peak_mib:,.0f} MiB peak")

    # The same pages as Mercato first, then the site without the four other sort orders and the review pages
    # (core.toml ignores content/sorted/ and content/reviews/): the comparison of earlier versions of this table.
    # Each into a folder of its own: deleting the first's output just before the second would slow it (ext4
    # spends its time on recently freed inodes when files are created soon after many were deleted).
    hugo_rows = []
    for step, name, log, folder, extra in (
            ("[7/8]", "Hugo full build, same pages", "hugo-full", "public", []),
            ("[8/8]", "Hugo, one order, no review pages", "hugo-core", "public-core",
             ["--config", f"{hugo_site / 'hugo.toml'},{hugo_site / 'core.toml'}"])):
        print(f"{step} {name} (into an empty {folder}/)", flush=True)
        shutil.rmtree(hugo_site / folder, ignore_errors=True)
        measured = runner.timed(name, log, ["hugo", "--source", str(hugo_site), "--quiet",
                                            "--destination", str(hugo_site / folder), *extra])
        stats = folder_stats(hugo_site / folder)
        rows.append(Row(name, active, stats["files"], measured, stats["bytes"], stats["files"]))
        hugo_rows.append((measured, stats))
        print(f"      {measured.wall:.2f} s wall; {stats['files']:,} files in public/")
        if measured.output.strip():
            print("      Hugo printed:\n" + "\n".join("        " + line for line in measured.output.strip().splitlines()[:20]))
    (hugo, hugo_stats), (hugo_core, hugo_core_stats) = hugo_rows

    cores = len(os.sched_getaffinity(0))
    full = rows[0].measurement
    title = (f"Build vs Hugo — {active:,} products, {reviews:,} reviews "
             f"(Hugo {hugo_version}, {cores} core{'s' if cores != 1 else ''})")
    lines = table(rows, title)
    for label, other in (("Hugo building the same pages", hugo), ("Hugo's smaller site", hugo_core)):
        ratio = other.wall / full.wall if full.wall > 0 else float("inf")
        lines.append(f"Mercato full build is {ratio:.1f}x faster than {label} (wall)." if ratio >= 1 else
                     f"Mercato full build is {1 / ratio:.1f}x slower than {label} (wall).")
    lines.append(f"Per file written: Mercato {1000 * full.wall / max(1, full_summary['written']):.2f} ms, "
                 f"Hugo {1000 * hugo.wall / max(1, hugo_stats['files']):.2f} ms (full builds, wall).")
    notes = [
        "",
        f"- Same catalog: `mercato demo --products {products} --reviews {reviews}` (default seed; {active:,} of "
        f"the products are active). `mercato demo` took {demo.wall:.2f} s; `export_hugo.py` gave Hugo the catalog "
        f"(after the price edit) in {export.wall:.2f} s. Neither is in the table.",
        "- pages written: for Mercato, the `written` count of `mercato build` (files whose bytes changed, assets "
        "included); for Hugo, every file in `public/` after a build into an empty folder (HTML, RSS, sitemap, "
        "robots.txt, `page/1/` alias redirects and the copied `static/`). Output MB: file sizes summed, 10^6 bytes.",
        f"- Mercato's full build wrote {describe_kinds(full_stats['kinds'])}.",
        f"- Hugo's full build wrote {describe_kinds(hugo_stats['kinds'])}.",
        f"- Hugo's smaller site (one order per category, no review pages) wrote {describe_kinds(hugo_core_stats['kinds'])}.",
        "- Both write each category in five sort orders and paginated review pages; Hugo also writes RSS feeds per "
        "category and `page/1/` redirects. See README.md for what is equivalent.",
        "- wall, CPU (user + sys) and peak memory (max RSS) from GNU time; both tools use every core. "
        f"1-minute load average {load_before:.2f} before the run, {os.getloadavg()[0]:.2f} after (other work on "
        "the machine slows both tools' wall times).",
        f"- Mercato binary built {built} ({revision} when the run began); its full build's stages: {stages}.",
    ]
    report = "\n".join(lines + notes) + "\n"
    print("\n" + report, end="")
    (workdir / "results.md").write_text(report, encoding="utf-8")
    (workdir / "results.json").write_text(json.dumps({
        "products": active, "reviews": reviews, "hugo": hugo_version, "cores": cores,
        "mercato_revision": revision, "mercato_binary_built": built,
        "demo": demo.__dict__ | {"output": None}, "export": export.__dict__ | {"output": None},
        "rows": [{"run": r.run, "products": r.products, "pages_written": r.pages_written, "wall_s": r.measurement.wall,
                  "user_s": r.measurement.user, "sys_s": r.measurement.sys, "max_rss_kib": r.measurement.max_rss_kib,
                  "output_bytes": r.output_bytes, "output_files": r.output_files} for r in rows],
    }, indent=2) + "\n", encoding="utf-8")
    print(f"\nWrote {workdir / 'results.md'} (and results.json); logs in {runner.logs}")
    return 0


def measure_mercato(mercato: Mercato, workdir: Path, active: int) -> tuple[list[Row], dict, dict, str]:
    """The four Mercato rows: full build, no-change rebuild, one product edited, one template edited."""
    database, dist = workdir / "var" / "mercato.sqlite", workdir / "dist"
    rows: list[Row] = []

    def build(run_name: str, log_name: str) -> dict:
        measurement, summary = mercato.build(run_name, log_name)
        stats = folder_stats(dist)
        rows.append(Row(run_name, active, summary["written"], measurement, stats["bytes"], stats["files"]))
        print(f"      {measurement.wall:.2f} s wall; {summary['rendered']:,} rendered, {summary['written']:,} written "
              f"of {summary['outputs']:,} outputs")
        return summary | {"stats": stats, "output": measurement.output}

    print("[2/8] Mercato full build (no dist/, empty build manifest)", flush=True)
    shutil.rmtree(dist, ignore_errors=True)
    clear_build_manifest(database)
    full = build("Mercato full build", "mercato-full")
    stages = ", ".join(f"{name} {seconds} s" for name, seconds in
                       re.findall(r"^\[\d/4\] (\w+)\s+([\d.]+) s", full["output"], re.MULTILINE))

    print("[3/8] Mercato rebuild, nothing changed", flush=True)
    build("Mercato no-change rebuild", "mercato-nochange")

    slug, new_price = product_to_edit(database)
    print(f"[4/8] Mercato rebuild after `mercato product update {slug} --price {new_price}`", flush=True)
    update = mercato.run("mercato product update", "product-update", "product", "update", slug, "--price", new_price)
    print(f"      (the update itself: {update.wall:.2f} s wall, not part of the build time)")
    build("Mercato rebuild, one product edited", "mercato-product")

    print("[5/8] Mercato rebuild after an edit to Templates/product.mustache", flush=True)
    template = workdir / "Templates" / "product.mustache"
    original = template.read_bytes()
    try:
        template.write_bytes(original + TEMPLATE_EDIT.encode())
        build("Mercato rebuild, one template edited", "mercato-template")
    finally:
        template.write_bytes(original)
    return rows, full, full["stats"], stages


if __name__ == "__main__":
    sys.exit(main())
