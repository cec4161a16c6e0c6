"""Error reports (the e-mails a 500 sends to ADMINS) that never carry what people typed.

Case studies, support plans and mentoring tickets describe real children. Django's default report
lists the whole POST body, the uploaded files' names, the cookies (a live session) and the local
variables of every frame, and sends it by plain e-mail. Here every POST value, every file, every
cookie value and every frame variable is replaced by stars in every report, whichever view failed:
a view someone forgot to mark `@sensitive_post_parameters()` is covered all the same. The field
names, the traceback's lines and the request's path stay, which is what finding the bug needs.
"""

from __future__ import annotations

import re

from django.views.debug import ExceptionReporter, SafeExceptionReporterFilter

# Django's list, plus settings holding a password inside a URL (broker, cache, database, Sentry).
HIDDEN_SETTINGS = re.compile(
    "API|AUTH|TOKEN|KEY|SECRET|PASS|SIGNATURE|HTTP_COOKIE|DSN|BROKER|DATABASE|CACHES|LOCATION",
    flags=re.IGNORECASE,
)


class PrivateExceptionReporterFilter(SafeExceptionReporterFilter):
    hidden_settings = HIDDEN_SETTINGS

    def get_post_parameters(self, request):
        if request is None or not self.is_active(request):
            return super().get_post_parameters(request)
        cleansed = request.POST.copy()
        for key, values in request.POST.lists():
            cleansed.setlist(key, [self.cleansed_substitute] * len(values))
        return cleansed

    def get_safe_cookies(self, request):
        if request is None or not self.is_active(request):
            return super().get_safe_cookies(request)
        # A session cookie in a mailbox is a session someone else could take.
        return dict.fromkeys(request.COOKIES, self.cleansed_substitute)

    def get_traceback_frame_variables(self, request, tb_frame):
        if not self.is_active(request):
            return super().get_traceback_frame_variables(request, tb_frame)
        # A form, a plan or a string read from the POST can sit in any frame: no values at all.
        return [(name, self.cleansed_substitute) for name in tb_frame.f_locals]


class PrivateExceptionReporter(ExceptionReporter):
    def get_traceback_data(self):
        data = super().get_traceback_data()
        if self.request is not None and self.filter.is_active(self.request):
            # An uploaded file's name is often the child's name.
            hidden = self.filter.cleansed_substitute
            data["request_FILES_items"] = [(key, hidden) for key in self.request.FILES]
        return data
