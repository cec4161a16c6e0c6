"""An upload handler that keeps the file in memory and gives up past the size limit.

Django's default handlers write anything over FILE_UPLOAD_MAX_MEMORY_SIZE (2.5 MB) to a temporary
file on disk; an uploaded certificate must never be stored anywhere, so the check-PDF view swaps in
this handler before the request body is read."""

from __future__ import annotations

from io import BytesIO

from django.core.files.uploadedfile import InMemoryUploadedFile
from django.core.files.uploadhandler import FileUploadHandler, SkipFile, StopFutureHandlers


class InMemoryLimitedUploadHandler(FileUploadHandler):
    def __init__(self, request=None, *, limit: int):
        super().__init__(request)
        self.limit = limit
        self.too_big = False
        self.buffer: BytesIO | None = None

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        self.buffer = BytesIO()
        raise StopFutureHandlers()

    def receive_data_chunk(self, raw_data, start):
        if start + len(raw_data) > self.limit:
            self.too_big = True
            self.buffer = None
            # Skip the rest of this file: it is read from the socket and dropped, never kept.
            raise SkipFile()
        self.buffer.write(raw_data)
        return None

    def file_complete(self, file_size):
        if self.buffer is None:
            return None
        self.buffer.seek(0)
        return InMemoryUploadedFile(
            file=self.buffer,
            field_name=self.field_name,
            name=self.file_name,
            content_type=self.content_type,
            size=file_size,
            charset=self.charset,
            content_type_extra=self.content_type_extra,
        )
