"""click's own words in Vietnamese: help frames, usage errors, suggestions, "Aborted!".

click writes every word a user reads through gettext (`_("Usage:")`, `ngettext(...)`), looked up
in each of its modules at call time. `install()` points those names at the catalogue below, once,
before any command is defined (a few help texts are fixed when the decorators run). A test checks
that every message of the installed click has a translation, so an upgrade that adds one fails
the suite instead of printing English.
"""

from __future__ import annotations

import sys

CATALOG: dict[str, str] = {
    # help frame
    "Usage:": "Cách dùng:",
    "Options": "Tùy chọn",
    "Commands": "Lệnh",
    "Positional arguments": "Tham số",
    "Show this message and exit.": "hiện hướng dẫn này rồi thoát",
    "Show the version and exit.": "hiện số phiên bản rồi thoát",
    "%(prog)s, version %(version)s": "%(prog)s, phiên bản %(version)s",
    "required": "bắt buộc",
    "default: {default}": "mặc định: {default}",
    "env var: {var}": "biến môi trường: {var}",
    "(dynamic)": "(tùy lúc chạy)",
    "deprecated": "không còn dùng",
    "Confirm the action without prompting.": "Xác nhận luôn, không hỏi lại.",
    "Do you want to continue?": "Có tiếp tục không?",
    # usage errors
    "Error: {message}": "lỗi: {message}",
    "Try '{command} {option}' for help.": "Xem hướng dẫn: '{command} {option}'.",
    "No such command {name!r}.": "không có lệnh {name!r}.",
    "No such option {name!r}.": "không có tùy chọn {name!r}.",
    "Did you mean {possibility}?": "Có phải ý bạn là {possibility}?",
    "(Did you mean one of: {possibilities}?)": "(Có phải ý bạn là một trong: {possibilities}?)",
    "Missing argument": "thiếu tham số",
    "Missing option": "thiếu tùy chọn",
    "Missing parameter": "thiếu tham số",
    "Missing {param_type}": "thiếu {param_type}",
    "Missing parameter: {param_name}": "thiếu tham số: {param_name}",
    "Missing command.": "thiếu tên lệnh.",
    "Invalid value for {param_hint}: {message}": "giá trị không hợp lệ cho {param_hint}: {message}",
    "Invalid value: {message}": "giá trị không hợp lệ: {message}",
    "Got unexpected extra argument ({args})": "thừa tham số ({args})",
    "Got unexpected extra arguments ({args})": "thừa các tham số ({args})",
    "Option {name!r} requires an argument.": "tùy chọn {name!r} cần một giá trị.",
    "Option {name!r} requires {nargs} arguments.": "tùy chọn {name!r} cần {nargs} giá trị.",
    "Option {name!r} does not take a value.": "tùy chọn {name!r} không nhận giá trị.",
    "Argument {name!r} takes {nargs} values.": "tham số {name!r} cần {nargs} giá trị.",
    "Invalid start character for option ({option})": "ký tự đầu không hợp lệ cho tùy chọn ({option})",
    "Takes {nargs} values but 1 was given.": "cần {nargs} giá trị nhưng chỉ có 1.",
    "Takes {nargs} values but {len} were given.": "cần {nargs} giá trị nhưng có {len}.",
    "Value must be an iterable.": "giá trị phải là một danh sách.",
    "Aborted!": "đã dừng theo yêu cầu; chưa ghi tệp nào dở dang.",
    "unknown error": "lỗi không rõ",
    "Could not open file {filename!r}: {message}": "không mở được tệp {filename!r}: {message}",
    # values (click.types)
    "{value!r} is not {choice}.": "{value!r} không phải {choice}.",
    "{value!r} is not one of {choices}.": "{value!r} không phải một trong {choices}.",
    "Choose from:\n\t{choices}": "chọn một trong: {choices}",
    "Choice({choices})": "Một trong ({choices})",
    "{value!r} is not a valid {number_type}.": "{value!r} không phải {number_type} hợp lệ.",
    "{value} is not in the range {range}.": "{value} nằm ngoài khoảng cho phép {range}.",
    "{value!r} is not a valid boolean. Recognized values: {states}":
        "{value!r} không phải giá trị có/không. Các giá trị nhận được: {states}",
    "{value!r} is not a valid UUID.": "{value!r} không phải UUID hợp lệ.",
    "{value!r} does not match the format {format}.": "{value!r} không đúng dạng {format}.",
    "{value!r} does not match the formats {formats}.": "{value!r} không đúng các dạng {formats}.",
    "{len_type} values are required, but {len_value} was given.": "cần {len_type} giá trị, nhưng có {len_value}.",
    "{len_type} values are required, but {len_value} were given.": "cần {len_type} giá trị, nhưng có {len_value}.",
    "file": "tệp",
    "directory": "thư mục",
    "path": "đường dẫn",
    "{name} {filename!r} does not exist.": "{name} {filename!r} không tồn tại.",
    "{name} {filename!r} is a file.": "{name} {filename!r} là một tệp, không phải thư mục.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} là một thư mục, không phải tệp.",
    "{name} {filename!r} is not readable.": "không đọc được {name} {filename!r}.",
    "{name} {filename!r} is not writable.": "không ghi được vào {name} {filename!r}.",
    "{name} {filename!r} is not executable.": "{name} {filename!r} không chạy được.",
    # prompts (click.termui), used by `vbhc new --interactive`
    "Error: invalid input": "Lỗi: giá trị không hợp lệ",
    "Error: The two entered values do not match.": "Lỗi: hai lần nhập không khớp nhau.",
    "Repeat for confirmation": "Nhập lại để xác nhận",
    "Press any key to continue...": "Nhấn một phím bất kỳ để tiếp tục...",
    "Unknown color {colour!r}": "Không biết màu {colour!r}",
    "Unknown standard stream '{name}'": "Không có luồng chuẩn '{name}'",
    "{editor}: Editing failed": "{editor}: sửa không được",
    "{editor}: Editing failed: {e}": "{editor}: sửa không được: {e}",
    "Windows error: {error}": "Lỗi Windows: {error}",
    "d": "d",
    # shell completion and developer errors (a vbhc bug, but still not English to an officer)
    "Couldn't detect Bash version, shell completion is not supported.":
        "Không nhận ra phiên bản Bash; không hỗ trợ tự hoàn thành lệnh.",
    "Shell completion is not supported for Bash versions older than 4.4.":
        "Không hỗ trợ tự hoàn thành lệnh cho Bash cũ hơn 4.4.",
    "DeprecationWarning: The command {name!r} is deprecated.{extra_message}":
        "Cảnh báo: lệnh {name!r} không còn được dùng.{extra_message}",
    "DeprecationWarning: The {param_type} {name!r} is deprecated.{extra_message}":
        "Cảnh báo: {param_type} {name!r} không còn được dùng.{extra_message}",
    "DeprecationWarning: The command {name!r} is deprecated.": "Cảnh báo: lệnh {name!r} không còn được dùng.",
    "Arguments take exactly one parameter declaration, got {length}: {decls}.":
        "Mỗi tham số chỉ có một khai báo, ở đây có {length}: {decls}.",
    "Boolean option {decl!r} cannot use the same flag for true/false.":
        "Tùy chọn có/không {decl!r} không dùng một cờ cho cả hai.",
    "Could not determine name for option with declarations {decls!r}":
        "Không xác định được tên tùy chọn từ khai báo {decls!r}",
    "Name '{name}' defined twice": "Tên '{name}' được khai báo hai lần",
    "No options defined but a name was passed ({name}). Did you mean to declare an argument instead? "
    "Did you mean to pass '--{name}'?":
        "Không có tùy chọn nào nhưng có tên ({name}). Có phải cần khai báo một tham số, hoặc viết '--{name}'?",
}

# Words click inserts into the messages above without translating them itself.
PARAM_TYPES = {"option": "tùy chọn", "argument": "tham số", "parameter": "tham số"}
NUMBER_TYPES = {"integer": "số nguyên", "float": "số"}



def gettext(message: str) -> str:
    return CATALOG.get(message, message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return gettext(singular if n == 1 else plural)


def install() -> None:
    """Point click's gettext names at the catalogue in every click module loaded (idempotent).

    `import click` loads all the modules vbhc's commands reach; the two it loads lazily (shell
    completion, the editor and progress bar) are not used by vbhc and are left as they are.
    """
    import click  # noqa: F401  (loads the modules patched below)

    for name, module in list(sys.modules.items()):
        if module is None or not name.startswith("click."):
            continue
        if hasattr(module, "_"):
            module._ = gettext  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = ngettext  # type: ignore[attr-defined]
