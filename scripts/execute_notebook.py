"""Execute one notebook headlessly with the workbook kernel.

Usage: python scripts/execute_notebook.py NOTEBOOK [TIMEOUT_SECONDS]

Exit 0 when every cell ran. Otherwise exit 1 and print which cell failed
(its number, counting from 1, and its first line) and the error, so a test
can name the notebook and the cell. The notebook file is not modified.
"""
import os
import sys

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError

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
    path = sys.argv[1]
    timeout = int(sys.argv[2]) if len(sys.argv) > 2 else 120
    nb = nbformat.read(path, as_version=4)
    current = {}

    def on_cell_start(cell, cell_index, **_):
        current["index"] = cell_index

    # Start the kernel in the notebook's own folder, as JupyterLab does; the
    # workbook kernel's launcher must then move to the workbook root itself.
    folder = os.path.dirname(os.path.abspath(path))
    client = NotebookClient(
        nb,
        kernel_name=KERNEL,
        timeout=timeout,
        startup_timeout=90,
        on_cell_start=on_cell_start,
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


if __name__ == "__main__":
    main()
