"""What the checkout load scripts share: building, a demo shop, a server on a free port, measuring it, and the
database checks (stock adds up, no payment taken twice). Python 3.11 standard library only."""

import json
import os
import resource
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
SWIFT_PATH = "/opt/swift/usr/bin"
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


class CheckFailed(Exception):
    pass


class Checks:
    """Named checks, each printed as it is made; the script's exit status says whether all passed."""

    def __init__(self, title: str):
        self.title = title
        self.failed: list[str] = []

    def __call__(self, ok: bool, what: str) -> None:
        print(f"{'ok ' if ok else 'FAILED'}  {what}", flush=True)
        if not ok:
            self.failed.append(what)

    def finish(self) -> int:
        print(f"{len(self.failed)} failed" if self.failed else f"{self.title}: every check passed.")
        return 1 if self.failed else 0


def run_main(main) -> None:
    """Runs a script's main(); a step that could not be carried out is an error (exit 1), not a traceback."""
    try:
        sys.exit(main())
    except CheckFailed as error:
        log(f"error: {error}")
        sys.exit(1)


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def raise_open_file_limit() -> None:
    """10,000 shoppers each hold a connection: the server and the generator need more than 1,024 descriptors."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    if hard < 20_000:
        log(f"note: the open-file limit is {hard}; 10,000 shoppers need about 20,000 (ulimit -n)")


def build() -> tuple[Path, Path]:
    """The mercato binary (release) and the load generator, built unless MERCATO_BIN / CHECKOUT_LOAD_BIN name them."""
    env = dict(os.environ, PATH=f"{SWIFT_PATH}:{os.environ['PATH']}")
    mercato = os.environ.get("MERCATO_BIN")
    if not mercato:
        log("building mercato (release)…")
        subprocess.run(["swift", "build", "-c", "release", "--product", "mercato"], cwd=REPO, env=env, check=True,
                       stdout=subprocess.DEVNULL)
        mercato = str(REPO / ".build/release/mercato")
    generator = os.environ.get("CHECKOUT_LOAD_BIN")
    if not generator:
        log("building the load generator (release)…")
        subprocess.run(["swift", "build", "-c", "release"], cwd=HERE, env=env, check=True, stdout=subprocess.DEVNULL)
        generator = str(HERE / ".build/release/checkout-load")
    return Path(mercato), Path(generator)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Shop:
    folder: Path
    mercato: Path

    @property
    def database(self) -> Path:
        return self.folder / "var/mercato.sqlite"

    def connect(self) -> sqlite3.Connection:
        connection = sqlite3.connect(self.database, timeout=30)
        connection.row_factory = sqlite3.Row
        return connection

    def active_slugs(self) -> list[str]:
        with self.connect() as db:
            return [row[0] for row in db.execute("SELECT slug FROM product WHERE status = 'active' ORDER BY id")]

    def set_stock(self, on_hand: int, slugs: list[str] | None = None) -> None:
        """Stock set straight in the database, with the server stopped; checkpointed into the main file, so a copy
        of that file has it."""
        db = self.connect()
        with db:
            if slugs is None:
                db.execute("UPDATE inventory SET onHand = ?, reserved = 0", (on_hand,))
            else:
                for slug in slugs:
                    db.execute("UPDATE inventory SET onHand = ? WHERE productId = (SELECT id FROM product WHERE slug = ?)",
                               (on_hand, slug))
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        db.close()

    def stock(self) -> dict[str, tuple[int, int]]:
        with self.connect() as db:
            return {row["slug"]: (row["onHand"], row["reserved"]) for row in db.execute(
                "SELECT p.slug, i.onHand, i.reserved FROM inventory i JOIN product p ON p.id = i.productId")}


def fresh_shop(workdir: Path, mercato: Path, products: int) -> Shop:
    """An empty work folder with a demo shop of `products` products in `shop/`."""
    if workdir.exists():
        shutil.rmtree(workdir)
    return make_shop(workdir / "shop", mercato, products)


def make_shop(folder: Path, mercato: Path, products: int) -> Shop:
    folder.mkdir(parents=True, exist_ok=True)
    # No order history: every sale the checks count is one the run made.
    subprocess.run([str(mercato), "demo", "--products", str(products), "--reviews", str(products), "--orders", "0",
                    "--shop", str(folder),
                    "--force"], check=True, stdout=subprocess.DEVNULL)
    return Shop(folder, mercato)


@dataclass
class Sample:
    at: float
    cpu_seconds: float
    rss_kib: int


@dataclass
class Server:
    """`mercato serve --api-only` on a free port, its JSON log in the shop's folder, sampled every half second."""
    shop: Shop
    args: list[str] = field(default_factory=list)
    environment: dict[str, str] = field(default_factory=dict)
    port: int = 0
    process: subprocess.Popen | None = None
    samples: list[Sample] = field(default_factory=list)
    _sampler: threading.Thread | None = None

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, port: int | None = None) -> "Server":
        self.port = port or self.port or free_port()
        logfile = open(self.shop.folder / "serve.log", "ab")
        self.process = subprocess.Popen(
            [str(self.shop.mercato), "serve", "--shop", str(self.shop.folder), "--api-only", "--port", str(self.port),
             *self.args], stdout=logfile, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
            env=dict(os.environ, **self.environment))
        deadline = time.time() + 30
        while time.time() < deadline:
            if self.process.poll() is not None:
                raise CheckFailed(f"mercato serve exited with {self.process.returncode}; see {self.shop.folder}/serve.log")
            try:
                urllib.request.urlopen(self.base + "/health", timeout=1).read()
                break
            except OSError:
                time.sleep(0.1)
        else:
            raise CheckFailed("mercato serve did not answer /health within 30 s")
        self.samples = []
        self._sampler = threading.Thread(target=self._sample, daemon=True)
        self._sampler.start()
        return self

    def _sample(self) -> None:
        process = self.process
        while process.poll() is None:
            sample = proc_sample(process.pid)
            if sample:
                self.samples.append(sample)
            time.sleep(0.5)

    def peak_rss_mib(self) -> float:
        """VmHWM: the most resident memory the process has had."""
        status = Path(f"/proc/{self.process.pid}/status").read_text()
        return next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM")) / 1024

    def cpu_percent(self, start: float, end: float) -> float:
        """CPU time used between two moments, as a share of one core (200 % = both cores of this machine)."""
        inside = [s for s in self.samples if start <= s.at <= end]
        if len(inside) < 2:
            return 0.0
        return 100 * (inside[-1].cpu_seconds - inside[0].cpu_seconds) / (inside[-1].at - inside[0].at)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def kill(self) -> None:
        """SIGKILL: no graceful shutdown, no chance to finish anything."""
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()


def proc_sample(pid: int) -> Sample | None:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    cpu = (int(fields[11]) + int(fields[12])) / CLOCK_TICKS  # utime + stime
    rss = next((int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS")), 0)
    return Sample(time.time(), cpu, rss)


def run_generator(generator: Path, args: list[str], timeout: float) -> tuple[dict, float]:
    """Runs the load generator; returns its JSON result and the CPU share it used (of one core)."""
    started, cpu_before = time.time(), children_cpu_seconds()
    result = subprocess.run([str(generator), *args], stdout=subprocess.PIPE, stdin=subprocess.DEVNULL, timeout=timeout)
    if result.returncode != 0:
        raise CheckFailed(f"checkout-load {args[0]} exited with {result.returncode}")
    return json.loads(result.stdout), 100 * (children_cpu_seconds() - cpu_before) / (time.time() - started)


def children_cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


# -------------------------------------------------------------------------------------------------------------
# Database checks


def stock_adds_up(shop: Shop, started: dict[str, int]) -> list[str]:
    """On hand + sold = started, reserved = what orders awaiting payment hold, nothing negative; returns the
    products where that is false."""
    wrong = []
    with shop.connect() as db:
        for row in db.execute("""
                SELECT p.slug, i.onHand, i.reserved,
                       COALESCE((SELECT SUM(oi.quantity) FROM orderItem oi JOIN "order" o ON o.id = oi.orderId
                                 WHERE oi.productId = p.id AND o.status IN ('paid','shipped','delivered')), 0) AS sold,
                       COALESCE((SELECT SUM(oi.quantity) FROM orderItem oi JOIN "order" o ON o.id = oi.orderId
                                 WHERE oi.productId = p.id AND o.status = 'pending_payment'), 0) AS held
                FROM inventory i JOIN product p ON p.id = i.productId"""):
            start = started.get(row["slug"])
            if start is None:
                continue
            if (row["onHand"] + row["sold"] != start or row["reserved"] != row["held"] or row["onHand"] < 0
                    or row["reserved"] < 0 or row["reserved"] > row["onHand"]):
                wrong.append(f"{row['slug']}: started {start}, on hand {row['onHand']}, sold {row['sold']}, "
                             f"reserved {row['reserved']}, held by pending orders {row['held']}")
    return wrong


def payments_taken_twice(shop: Shop) -> list[str]:
    """Orders charged more than once, or charged while not paid: from the gateway's ledger and the payment rows."""
    with shop.connect() as db:
        twice = [f"{r[0]}: {r[1]} succeeded gateway payments" for r in db.execute(
            "SELECT orderNumber, COUNT(*) FROM testGatewayPayment WHERE status = 'succeeded' "
            "GROUP BY orderNumber HAVING COUNT(*) > 1")]
        twice += [f"{r[0]}: {r[1]} succeeded payment rows" for r in db.execute(
            "SELECT o.number, COUNT(*) FROM payment p JOIN \"order\" o ON o.id = p.orderId "
            "WHERE p.status IN ('succeeded', 'refunded') GROUP BY o.id HAVING COUNT(*) > 1")]
        kept = [f"{r[0]}: charged {r[1]} but the order is {r[2]}" for r in db.execute(
            "SELECT g.orderNumber, g.amountMinor - g.refundedMinor, o.status FROM testGatewayPayment g "
            "JOIN \"order\" o ON o.number = g.orderNumber WHERE g.status = 'succeeded' "
            "AND g.amountMinor > g.refundedMinor AND o.status NOT IN ('paid', 'shipped', 'delivered')")]
    return twice + kept


def integrity(path: Path) -> str:
    with sqlite3.connect(path) as db:
        return db.execute("PRAGMA integrity_check").fetchone()[0]
