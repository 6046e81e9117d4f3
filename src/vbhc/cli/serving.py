"""`vbhc serve`: the web page for officers and the API, on uvicorn. Heavy imports inside."""

from __future__ import annotations

import click

from vbhc.cli.common import command, option
from vbhc.cli.frame import fail, say


@command("serve", short_help="Mở trang web: kiểm tra văn bản, soạn và thu nhận kế hoạch.", examples=[
    "vbhc serve                                   # mở http://127.0.0.1:8686 trên trình duyệt",
    "vbhc serve --data /srv/vbhc --host 0.0.0.0   # cho cả mạng nội bộ của Sở dùng",
    "vbhc serve --workers 4                       # nhiều tiến trình cùng một địa chỉ",
])
@option("--host", default="127.0.0.1", show_default=True,
        help="địa chỉ lắng nghe (mặc định chỉ máy này; 0.0.0.0 cho cả mạng nội bộ)")
@option("--port", type=click.IntRange(1, 65535), default=8686, show_default=True, help="cổng")
@option("--data", "data", type=click.Path(file_okay=False, path_type=str),
        help="thư mục dữ liệu: cơ sở dữ liệu và các tệp tải lên (mặc định ~/.local/share/vbhc/serve)")
@option("--max-upload-mb", type=click.FloatRange(min=0, min_open=True), default=20.0, show_default=True,
        help="dung lượng tối đa của một lần tải lên (MB)")
@option("--timeout", type=click.FloatRange(min=0, min_open=True), default=60.0, show_default=True,
        help="thời gian tối đa để đọc và kiểm tra một tệp (giây), như vbhc audit --timeout")
@option("--jobs", type=click.IntRange(min=1), help="số tiến trình đọc tệp của mỗi tiến trình máy chủ "
        "(mặc định: số lõi CPU)")
@option("--workers", type=click.IntRange(min=1), default=1, show_default=True,
        help="số tiến trình máy chủ cùng phục vụ một địa chỉ")
@option("--config", "config_path", type=click.Path(dir_okay=False, path_type=str),
        help="tệp cấu hình quy tắc (vbhc.toml)")
def serve(host: str, port: int, data: str | None, max_upload_mb: float, timeout: float, jobs: int | None,
          workers: int, config_path: str | None) -> None:
    """Mở trang web cho cán bộ: kiểm tra văn bản, soạn kế hoạch, thu nhận kế hoạch của các cơ quan; và API
    POST /api/check, GET /api/rules cho hệ thống khác. Mọi tệp được xử lý trên máy này, không gửi đi đâu."""
    import os
    from pathlib import Path

    from vbhc.serve.settings import Settings, default_data

    if config_path:
        from vbhc.check import load_config

        load_config(config_path)  # a bad config is refused now, not in every child
    settings = Settings(data=Path(data) if data else default_data(), max_upload_mb=max_upload_mb, timeout=timeout,
                        jobs=jobs, host=host, config=os.path.abspath(config_path) if config_path else None)
    from vbhc.serve.store import Store

    Store(settings.data)  # created and migrated once, before any worker starts
    os.environ.update(settings.to_env())
    try:
        import uvicorn
    except ImportError:
        fail("chưa cài uvicorn và starlette: pip install 'vbhc' (bản có các gói này)")
    shown_host = f"[{host}]" if ":" in host else host
    say(f"đang chạy tại http://{shown_host}:{port} (dữ liệu: {settings.data}); Ctrl-C để dừng")
    uvicorn.run("vbhc.serve.app:from_env", factory=True, host=host, port=port, workers=workers,
                log_level="warning", access_log=False, server_header=False, proxy_headers=False)
