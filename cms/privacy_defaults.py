"""The privacy notice a fresh installation publishes as version 1 (the migration that introduced
versioned notices, and `seed_demo`). The organisation replaces it by publishing a new version in the
admin; the texts per language are the organisation's, these are only a truthful starting point."""

from __future__ import annotations

DEFAULT_PRIVACY_NOTICE = {
    "kk": (
        "<p>«Оқу және Даму Институты» ЖШС курсқа тіркелу, оқу барысын есепке алу және сертификат "
        "беру үшін сіздің аты-жөніңізді, электрондық поштаңызды, жұмыс орныңыз туралы деректерді, "
        "тапсырған жұмыстарыңыз бен нәтижелеріңізді өңдейді. Деректер үшінші тұлғаларға "
        "берілмейді; сертификатты тексеру беті тек сертификаттағы деректерді көрсетеді.</p>"
        "<p>Балалар туралы файлдар (практикалық жұмыстардың, қолдау жоспарының және тәлімгерлік "
        "өтініштердің тіркемелері) сертификат немесе анықтама берілгеннен кейін 12 ай өткенде "
        "(олар болмаса, топтың оқуы аяқталғаннан кейін 12 ай өткенде) автоматты түрде жойылады.</p>"
        "<p>Оқу құжаттары (оқуға қабылдау және оның тарихы, сабаққа қатысу, нәтижелер, "
        "сертификаттар мен анықтамалар) курс аяқталғаннан кейін 75 жыл сақталады. Деректеріңізді "
        "«Менің деректерім» бетінен жүктеп алып, тіркелгіңізді жоюды сұрай аласыз: кіру деректері "
        "мен байланыс деректері жойылады, ал оқу құжаттары бүркеншік атпен сақталады.</p>"
    ),
    "ru": (
        "<p>ТОО «Институт обучения и развития» обрабатывает ваши ФИО, адрес электронной почты, "
        "сведения о месте работы, сданные работы и результаты, чтобы зачислить вас на курс, "
        "учитывать обучение и выдать сертификат. Данные не передаются третьим лицам; страница "
        "проверки сертификата показывает только данные самого сертификата.</p>"
        "<p>Файлы о детях (вложения практических работ, плана поддержки и обращений к наставнику) "
        "удаляются автоматически через 12 месяцев после выдачи сертификата или справки (а если их "
        "нет — через 12 месяцев после окончания обучения группы).</p>"
        "<p>Учебные записи (зачисление и его история, посещаемость, результаты, сертификаты и "
        "справки) хранятся 75 лет после окончания курса. На странице «Мои данные» можно скачать "
        "свои данные и попросить удалить учётную запись: данные для входа и контактные данные "
        "удаляются, а учебные записи сохраняются под псевдонимом.</p>"
    ),
    "en": (
        "<p>Learning and Development Institute LLP processes your name, email address, workplace "
        "details, submissions and results to enrol you, record your studies and issue your "
        "certificate. Nothing is passed to third parties; the certificate check page shows only "
        "what the certificate itself says.</p>"
        "<p>Files about children (attachments of practice work, of the support plan and of "
        "mentoring requests) are deleted automatically 12 months after the certificate or "
        "statement is issued (without either, 12 months after the cohort ends).</p>"
        "<p>Academic records (enrolment and its history, attendance, results, certificates and "
        "statements) are kept for 75 years after the course. On the “My data” page you can "
        "download your data and ask for your account to be deleted: the login and contact data "
        "are removed, and the academic records are kept under a pseudonym.</p>"
    ),
}
