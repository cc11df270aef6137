"""Execute one notebook headlessly with the workbook kernel.

Usage: python scripts/execute_notebook.py NOTEBOOK [TIMEOUT_SECONDS] [--cell-times]

Exit 0 when every cell ran. With --cell-times, a last line "cell-ms: ..."
gives each code cell's wall time in ms, as this client saw it (from the
request to the reply), so `bench` can time one cell without the kernel's start. Otherwise exit 1 and print which cell failed
(its number, counting from 1, and its first line) and the error, so a test
can name the notebook and the cell. The notebook file is not modified.
"""
import os
import sys
import time

# jsonschema (under nbformat) imports rfc3987_syntax when it is installed (JupyterLab's
# jupyter-events brings it), and that module builds a grammar on import: about 1.5 s of
# CPU for every notebook run, for an "iri" format check that notebook validation never
# asks for. Marked absent here, jsonschema skips that one check.
sys.modules.setdefault("rfc3987_syntax", None)

import nbformat  # noqa: E402
from nbclient import NotebookClient  # noqa: E402
from nbclient.exceptions import CellExecutionError, CellTimeoutError  # noqa: E402

KERNEL = "workbook"


def first_line(cell):
    lines = [l for l in cell.source.splitlines() if l.strip()]
    return lines[0][:100] if lines else "(empty)"


def error_text(cell, err):
    """The error output if the kernel sent one, else the tail of nbclient's message."""
    for out in cell.get("outputs", []):
        if out.get("output_type") == "error":
            return f"{out.get('ename', 'Error')}: {out.get('evalue', '')}"
    lines = [l for l in str(err).splitlines() if l.strip() and not l.startswith("---")]
    return "\n  ".join(lines[-12:])


def main():
    args = [a for a in sys.argv[1:] if a != "--cell-times"]
    path = args[0]
    timeout = int(args[1]) if len(args) > 1 else 120
    nb = nbformat.read(path, as_version=4)
    current = {}
    cell_ms = []

    def on_cell_start(cell, cell_index, **_):
        current["index"] = cell_index
        current["started"] = time.perf_counter()

    def on_cell_executed(cell, cell_index, **_):
        cell_ms.append(round((time.perf_counter() - current["started"]) * 1000, 1))

    # Start the kernel in the notebook's own folder, as JupyterLab does; the
    # workbook kernel's launcher must then move to the workbook root itself.
    folder = os.path.dirname(os.path.abspath(path))
    client = NotebookClient(
        nb,
        kernel_name=KERNEL,
        timeout=timeout,
        startup_timeout=90,
        on_cell_start=on_cell_start,
        on_cell_executed=on_cell_executed,
        resources={"metadata": {"path": folder}},
    )
    try:
        client.execute()
    except (CellExecutionError, CellTimeoutError) as err:
        index = current.get("index", 0)
        cell = nb.cells[index]
        print(f"{path}: cell {index + 1} failed: {first_line(cell)}", file=sys.stderr)
        print(f"  {error_text(cell, err)}", file=sys.stderr)
        sys.exit(1)
    code_cells = sum(1 for c in nb.cells if c.cell_type == "code")
    print(f"{path}: {code_cells} code cells ran")
    if "--cell-times" in sys.argv[1:]:
        print("cell-ms: " + " ".join(str(ms) for ms in cell_ms))


if __name__ == "__main__":
    main()
