"""The ``newsledger`` command: a thin layer that parses options, calls the library, reports.

Exit status (SCHEMA.md): 0 success, 1 some inputs rejected (each named on stderr,
the rest stored), 2 usage error. Bad input never prints a traceback; anything
unexpected prints one line and asks for ``--traceback``.

DOCS: docs/cli.md
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import click
import typer
from rich.console import Console

from newsledger.errors import ExitStatus, NewsledgerError

err = Console(stderr=True, highlight=False, soft_wrap=True)
out = Console(highlight=False)

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    help="Turn news coverage into a sourced, dated ledger of events, quotes and actors.",
)

# -- shared options, defined once ----------------------------------------------------------

HELP_DB = "Ledger: a SQLite file path or a postgresql:// URL (default: $NEWSLEDGER_DB or ./newsledger.db)."
DbOpt = Annotated[str | None, typer.Option("--db", help=HELP_DB, show_default=False)]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or summary on stderr.")]
LimitOpt = Annotated[int, typer.Option("--limit", "-n", help="Show at most this many rows (0 = all).")]
SinceOpt = Annotated[str | None, typer.Option("--since", help="Only items dated on or after this date (YYYY[-MM[-DD]]).")]
UntilOpt = Annotated[str | None, typer.Option("--until", help="Only items dated on or before this date (YYYY[-MM[-DD]]).")]


def _open(db: str | None) -> Any:
    from newsledger.store import Store

    return Store.open(db)


def _say(message: str) -> None:
    err.print(message, markup=False)


# -- ingest --------------------------------------------------------------------------------

@app.command()
def ingest(
    inputs: Annotated[list[str], typer.Argument(help="Files, folders, globs, URLs, or - for stdin.", show_default=False)],
    db: DbOpt = None,
    manifest: Annotated[str | None, typer.Option(help="A manifest CSV (file,published[,title,source,url,language]).")] = None,
    published: Annotated[str | None, typer.Option(help="Publication date (YYYY-MM-DD) for inputs that carry none.")] = None,
    min_date_confidence: Annotated[float, typer.Option(
        help="Use a publication date inferred from the text only at this confidence or above (0-1); "
             "below it the input is rejected.")] = 0.2,
    source: Annotated[str | None, typer.Option(help="Outlet name for these inputs.")] = None,
    language: Annotated[str | None, typer.Option(help="Language code for these inputs (default: detected).")] = None,
    encoding: Annotated[str | None, typer.Option(help="Text encoding of the inputs (default: UTF-8, BOM honoured).")] = None,
    max_bytes: Annotated[int, typer.Option(help="Refuse inputs larger than this many bytes.")] = 20 * 1024 * 1024,
    workers: Annotated[int, typer.Option("--workers", "-w", help="Analysis processes (local) or Dask workers.")] = 1,
    executor: Annotated[str, typer.Option(help="Where analysis runs: local or dask.")] = "local",
    scheduler: Annotated[str | None, typer.Option(help="Dask scheduler address (tcp://HOST:8786); default: a local cluster.")] = None,
    quiet: QuietOpt = False,
) -> int:
    """Read articles, analyse them and store them in the ledger.

    Idempotent: an article already stored (same text) is not stored twice. A
    folder's manifest.csv is used without being named.

    Example: newsledger ingest examples/dialogue --db ledger.db
    """
    from newsledger.ingest import IngestOptions
    from newsledger.ingest import ingest as run_ingest

    if not inputs:
        raise click.UsageError("give at least one file, folder, glob, URL or - for stdin")
    if workers < 1:
        raise click.BadParameter("must be at least 1", param_hint="--workers")
    if not 0.0 <= min_date_confidence <= 1.0:
        raise click.BadParameter("must be between 0 and 1", param_hint="--min-date-confidence")
    options = IngestOptions(
        published=published, source=source, language=language, manifest=manifest, encoding=encoding,
        max_bytes=max_bytes, workers=workers, executor=executor, scheduler=scheduler,
        min_date_confidence=min_date_confidence,
    )
    store = _open(db)
    show_bar = not quiet and err.is_terminal
    with store:
        if show_bar:
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeRemainingColumn,
            )

            with Progress(TextColumn("analysing"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                          console=err, transient=True) as bar:
                task = bar.add_task("analyse", total=None)

                def progress(done: int, total: int) -> None:
                    bar.update(task, completed=done, total=total)

                report = run_ingest(inputs, store, options, on_progress=progress)
        else:
            report = run_ingest(inputs, store, options)
    for source_label, reason in report.rejected:
        err.print(f"newsledger: error: {source_label}: {reason}", markup=False)
    if not quiet:
        for w in report.warnings:
            err.print(f"newsledger: note: {w}", markup=False)
        err.print(
            f"stored {len(report.stored)} article(s); {len(report.already)} already in the ledger; "
            f"{len(report.rejected)} rejected ({store.label})",
            markup=False,
        )
    return ExitStatus.SUCCESS if report.ok else ExitStatus.INPUT_REJECTED


# -- export and report ---------------------------------------------------------------------

@app.command()
def export(
    fmt: Annotated[str, typer.Option("--format", "-f", help="json, jsonl, csv, parquet or plover.")] = "json",
    output: Annotated[str | None, typer.Option("--output", "-o", help="Output file (folder for csv/parquet); - or none: stdout.")] = None,
    db: DbOpt = None,
) -> int:
    """Write the ledger in one of the public shapes (SCHEMA.md).

    Example: newsledger export --format json -o ledger.json
    """
    from newsledger.export import EXPORTERS
    from newsledger.export import export as run_export

    if fmt not in EXPORTERS:
        raise click.BadParameter(f"choose from {', '.join(EXPORTERS)}", param_hint="--format")
    with _open(db) as store:
        ledger = store.load_ledger()
    run_export(ledger, fmt, Path(output) if output and output != "-" else None)
    return ExitStatus.SUCCESS


@app.command()
def report(
    output: Annotated[str, typer.Option("--output", "-o", help="Where to write the HTML file.")] = "report.html",
    db: DbOpt = None,
    title: Annotated[str | None, typer.Option(help="Title of the dossier.")] = None,
    open_browser: Annotated[bool, typer.Option("--open", help="Open the report in a browser.")] = False,
) -> int:
    """Write a self-contained HTML dossier: timeline, actors, quotes, events, charts.

    Example: newsledger report -o report.html --open
    """
    from newsledger.report import render_report

    with _open(db) as store:
        ledger = store.load_ledger()
    html = render_report(ledger, title=title)
    path = Path(output)
    path.write_text(html, encoding="utf-8")
    err.print(f"wrote {path} ({len(html):,} bytes)", markup=False)
    if open_browser:
        import webbrowser

        webbrowser.open(path.resolve().as_uri())
    return ExitStatus.SUCCESS


# -- terminal views ------------------------------------------------------------------------

@app.command()
def timeline(db: DbOpt = None, story: Annotated[str | None, typer.Option(help="Only this story id.")] = None,
             since: SinceOpt = None, until: UntilOpt = None, limit: LimitOpt = 0) -> int:
    """Show the dated timeline.

    Example: newsledger timeline --since 2023-01
    """
    from newsledger.views import timeline_table

    with _open(db) as store:
        out.print(timeline_table(store.load_ledger(), story=story, since=since, until=until, limit=limit))
    return ExitStatus.SUCCESS


@app.command()
def quotes(db: DbOpt = None, speaker: Annotated[str | None, typer.Option(help="Only quotes whose speaker name contains this.")] = None,
           kind: Annotated[str | None, typer.Option(help="direct, partial or indirect.")] = None,
           since: SinceOpt = None, until: UntilOpt = None, limit: LimitOpt = 0) -> int:
    """Show who said what.

    Example: newsledger quotes --speaker Borrell
    """
    from newsledger.views import quotes_table

    with _open(db) as store:
        out.print(quotes_table(store.load_ledger(), speaker=speaker, kind=kind, since=since, until=until, limit=limit))
    return ExitStatus.SUCCESS


@app.command()
def actors(db: DbOpt = None, kind: Annotated[str | None, typer.Option(help="person, organization, country, group or other.")] = None,
           limit: LimitOpt = 0) -> int:
    """Show the actors, most mentioned first.

    Example: newsledger actors --kind person
    """
    from newsledger.views import actors_table

    with _open(db) as store:
        out.print(actors_table(store.load_ledger(), kind=kind, limit=limit))
    return ExitStatus.SUCCESS


@app.command()
def events(db: DbOpt = None, type_: Annotated[str | None, typer.Option("--type", help="A PLOVER category, e.g. CONSULT.")] = None,
           actor: Annotated[str | None, typer.Option(help="Only events whose source or target name contains this.")] = None,
           since: SinceOpt = None, until: UntilOpt = None, limit: LimitOpt = 0) -> int:
    """Show the coded events.

    Example: newsledger events --type ACCUSE --actor Kurti
    """
    from newsledger.views import events_table

    with _open(db) as store:
        out.print(events_table(store.load_ledger(), type_=type_, actor=actor, since=since, until=until, limit=limit))
    return ExitStatus.SUCCESS


@app.command()
def serve(db: DbOpt = None, host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
          port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000) -> int:
    """Serve the web UI and JSON API over the ledger.

    Example: newsledger serve --port 8000
    """
    import uvicorn

    from newsledger.web import create_app

    _open(db).close()  # fail early, with a one-line error, on a bad --db
    uvicorn.run(create_app(lambda: _open(db)), host=host, port=port, log_level="info")
    return ExitStatus.SUCCESS


# -- entry point ---------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> None:
    args = list(sys.argv[1:] if argv is None else argv)
    show_traceback = "--traceback" in args
    args = [a for a in args if a != "--traceback"]
    if show_traceback:
        from newsledger.nlp import pipeline

        pipeline._RAISE_STAGE_ERRORS = True
    try:
        rv = app(args=args, prog_name="newsledger", standalone_mode=False)
    except click.exceptions.ClickException as exc:
        exc.show(file=sys.stderr)
        sys.exit(ExitStatus.USAGE if isinstance(exc, click.UsageError) else exc.exit_code)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except (click.exceptions.Abort, KeyboardInterrupt):
        err.print("newsledger: interrupted", markup=False)
        sys.exit(130)
    except NewsledgerError as exc:
        if show_traceback:
            raise
        err.print(f"newsledger: error: {exc}", markup=False)
        sys.exit(int(exc.exit_status))
    except Exception as exc:  # the one place unexpected errors are caught
        if show_traceback:
            raise
        err.print(f"newsledger: unexpected error: {exc.__class__.__name__}: {exc} (rerun with --traceback)", markup=False)
        sys.exit(ExitStatus.INPUT_REJECTED)
    sys.exit(int(rv) if isinstance(rv, int) else 0)


if __name__ == "__main__":  # pragma: no cover
    main()
