"""What else the approved programme says, beside its page tree: its aim and tasks, its glossary and
its literature list.

Source: ``shared/seeds/004_84c7d0ded5d337f1.txt`` (the Kazakh programme; a copy is kept for the
tests in ``course/tests/seed/programme_004.txt``). Each item names the seed lines it comes from, and
the Kazakh text is the seed's, word for word (the seed is a PDF's text: a word broken at a line end
with a hyphen is joined again, everything else is as written, the seed's own spelling included).

- lines 621-698: section 5, the aim and the eight tasks -> ``AIM``, ``TASKS``;
- lines 187-492: section 2, the glossary (ten entries; "Ерекше білім беру қажеттіліктерін
  бағалау" is defined twice, by the Law and by Order No. 4, and both are kept) -> ``GLOSSARY``;
- lines 1607-1877: section 9, "Негізгі және қосымша әдебиеттер тізімі", 29 sources numbered as
  approved -> ``LITERATURE``.

The seed has no Russian or English glossary or aim: the Russian and English texts here are our
translation of the Kazakh and the pages say so. Literature entries are bibliographic records and
are shown as written, in every language.
"""

from __future__ import annotations

SEED = "shared/seeds/004_84c7d0ded5d337f1.txt"

AIM = {
    "lines": (623, 633),
    "kk": (
        "Жалпы білім беретін мектеп жағдайында ерекше білім беру қажеттіліктері бар білім "
        "алушыларды қолдаудың қазіргі заманғы тәсілдері мен құралдарын пайдалануда "
        "педагог-ассистенттердің кәсіби құзыреттілігін арттыру, оқудың дербестігін дамытуға, "
        "мінез-құлықты қолдауға және баланы инклюзивті білім беру процесіне сәтті бейімдеуге "
        "бағытталған."
    ),
    "ru": (
        "Повышение профессиональной компетентности педагогов-ассистентов в использовании "
        "современных подходов и инструментов сопровождения обучающихся с особыми "
        "образовательными потребностями в условиях общеобразовательной школы, направленное на "
        "развитие учебной самостоятельности, поддержку поведения и успешную адаптацию ребёнка к "
        "инклюзивному образовательному процессу."
    ),
    "en": (
        "To raise pedagogue-assistants' professional competence in using modern approaches and "
        "tools to support learners with special educational needs in a general-education school, "
        "aimed at developing independence in learning, supporting behaviour and helping the child "
        "adapt successfully to inclusive education."
    ),
}

# Tasks 1 and 2 are the same sentence in the approved document (a slip of the programme's own);
# both are shown, numbered as approved, because the wording is not ours to correct.
TASKS = {
    "lines": (635, 698),
    "kk": [
        "Педагог-ассистенттердің психологиялық – медициналық - педагогикалық комиссия "
        "ұсынымдарын және психологиялық-педагогикалық қолдау қызметінің (ППҚҚ) жұмыс регламентін "
        "қоса алғанда, ерекше білім беру қажеттілігі бар білім алушыларды қолдау жөніндегі "
        "қызметтің нормативтік құқықтық базасы мен талаптары туралы білімдерін жинақтау және "
        "жүйелеу.",
        "Педагог-ассистенттердің психологиялық-медициналық-педагогикалық комиссия ұсынымдарын "
        "және психологиялық-педагогикалық қолдау қызметінің (ППҚҚ) жұмыс регламентін қоса "
        "алғанда, ерекше білім беру қажеттілігі бар білім алушыларды қолдау жөніндегі қызметтің "
        "нормативтік құқықтық базасы мен талаптары туралы білімдерін жинақтау және жүйелеу.",
        "Білім алушының білім беру қажеттіліктерін айқындау, оқыту кедергілерін талдау, жеке оқу "
        "жоспарлары мен қолдау бағдарламаларын әзірлеуге қатысу саласындағы құзыреттерді "
        "қалыптастыру.",
        "Позитивті мінез-құлықты қолдау элементтерін (PBIS), көрнекі құралдарды, қоршаған ортаны "
        "құрылымдауды және қиын мінез-құлықтың алдын алу алгоритмдерін қоса алғанда, мінез-құлықты "
        "қолдаудың заманауи тәсілдерін қолдану дағдыларын дамыту.",
        "Оқу іс-әрекетін қолдау бойынша дағдыларды жетілдіру: оқу тапсырмаларын бейімдеу, "
        "кезең-кезеңмен оқыту әдістерін қолдану (task analysis), зейінді қолдау, баланың өзін-өзі "
        "реттеуі мен оқу мотивациясын қалыптастыру.",
        "Сабақтарда және сабақтан тыс жұмыстарда кешенді қолдауды ұйымдастыру кезінде "
        "мұғалімдермен, ППҚҚ мамандарымен, білім алушылардың ата-аналарымен тиімді өзара "
        "іс-әрекет жасау қабілетін нығайту.",
        "Бақылау жүргізуді, даму динамикасын белгілеуді, қолдау жоспарын түзетуді қоса алғанда, "
        "құжаттау мен мониторингтің практикалық дағдыларын қалыптастыру.",
        "Белгілі бір оқушының қолдауды талдауға және жетілдіруге бағытталған курстан кейінгі "
        "практикалық жұмысты орындау арқылы алған білімдерін мектеп практикасына ауыстыруды "
        "қамтамасыз ету.",
    ],
    "ru": [
        "Обобщение и систематизация знаний педагогов-ассистентов о нормативной правовой базе и "
        "требованиях к деятельности по сопровождению обучающихся с особыми образовательными "
        "потребностями, включая рекомендации психолого-медико-педагогической комиссии и регламент "
        "работы службы психолого-педагогического сопровождения (СППС).",
        "Обобщение и систематизация знаний педагогов-ассистентов о нормативной правовой базе и "
        "требованиях к деятельности по сопровождению обучающихся с особыми образовательными "
        "потребностями, включая рекомендации психолого-медико-педагогической комиссии и регламент "
        "работы службы психолого-педагогического сопровождения (СППС).",
        "Формирование компетенций в области определения образовательных потребностей "
        "обучающегося, анализа барьеров в обучении, участия в разработке индивидуальных учебных "
        "планов и программ сопровождения.",
        "Развитие навыков применения современных подходов к поддержке поведения, включая элементы "
        "позитивной поддержки поведения (PBIS), визуальные средства, структурирование среды и "
        "алгоритмы профилактики трудного поведения.",
        "Совершенствование навыков поддержки учебной деятельности: адаптация учебных заданий, "
        "применение методов пошагового обучения (task analysis), поддержка внимания, "
        "формирование саморегуляции и учебной мотивации ребёнка.",
        "Укрепление способности эффективно взаимодействовать с учителями, специалистами СППС, "
        "родителями обучающихся при организации комплексной поддержки на уроках и во внеурочной "
        "работе.",
        "Формирование практических навыков документирования и мониторинга, включая ведение "
        "наблюдений, фиксацию динамики развития, корректировку плана поддержки.",
        "Обеспечение переноса полученных знаний в школьную практику через выполнение "
        "посткурсовой практической работы, направленной на анализ и совершенствование поддержки "
        "конкретного обучающегося.",
    ],
    "en": [
        "To gather and systematise pedagogue-assistants' knowledge of the legal framework and the "
        "requirements for supporting learners with special educational needs, including the "
        "recommendations of the psychological, medical and pedagogical commission and the rules "
        "of the psychological and pedagogical support service.",
        "To gather and systematise pedagogue-assistants' knowledge of the legal framework and the "
        "requirements for supporting learners with special educational needs, including the "
        "recommendations of the psychological, medical and pedagogical commission and the rules "
        "of the psychological and pedagogical support service.",
        "To build competence in identifying a learner's educational needs, analysing barriers to "
        "learning and taking part in drawing up individual learning plans and support programmes.",
        "To develop the skills of using modern approaches to behaviour support, including "
        "elements of positive behaviour support (PBIS), visual aids, structuring the environment "
        "and algorithms for preventing challenging behaviour.",
        "To improve the skills of supporting learning: adapting tasks, step-by-step teaching "
        "(task analysis), supporting attention, and building the child's self-regulation and "
        "motivation to learn.",
        "To strengthen the ability to work effectively with teachers, support-service specialists "
        "and parents when organising comprehensive support in and out of lessons.",
        "To build practical skills of documentation and monitoring, including observation, "
        "recording progress and adjusting the support plan.",
        "To secure the transfer of what was learnt into school practice through post-course "
        "practical work on analysing and improving the support of a particular learner.",
    ],
}

_LAW_ON_EDUCATION_KK = "https://adilet.zan.kz/kaz/docs/Z070000319_"
_ORDER_348_KK = "https://adilet.zan.kz/kaz/docs/V2200029031"
_ORDER_92_KK = "https://adilet.zan.kz/kaz/docs/V2500036047"
_ORDER_4_KK = "https://adilet.zan.kz/kaz/docs/V2200026618"

# Each term: a stable slug (the page's address), the seed lines, the Kazakh term, definition and
# legal source as written, the law's address (the Kazakh text on adilet.zan.kz; the seed's own
# links are search-result pages), Russian and English names and translations, and the
# words that mark the term in a topic's text (our choice: the term's core, lower case).
GLOSSARY = [
    {
        "slug": "psychological-pedagogical-support",
        "lines": (191, 215),
        "term": {
            "kk": "Психологиялық-педагогикалық қолдау",
            "ru": "Психолого-педагогическое сопровождение",
            "en": "Psychological and pedagogical support",
        },
        "definition": {
            "kk": (
                "Білім беру ұйымдарында іске асырылатын, оның барысында ерекше білім беру "
                "қажеттіліктерін бағалау негізінде білім алушыларды, оның ішінде ерекше білім беру "
                "қажеттіліктері бар адамдарды (балаларды) табысты оқыту және даму үшін әлеуметтік "
                "және психологиялық-педагогикалық жағдайлар жасалатын жүйесі-ұйымдастырылған қызмет"
            ),
            "ru": (
                "Системно организованная деятельность, осуществляемая в организациях образования, "
                "в ходе которой на основе оценки особых образовательных потребностей создаются "
                "социальные и психолого-педагогические условия для успешного обучения и развития "
                "обучающихся, в том числе лиц (детей) с особыми образовательными потребностями."
            ),
            "en": (
                "A systematically organised activity carried out in educational organisations in "
                "the course of which, on the basis of an assessment of special educational needs,"
                " social and psychological and pedagogical conditions are created for the "
                "successful learning and development of learners, including persons (children) "
                "with special educational needs."
            ),
        },
        "source": {"kk": '("Білім туралы" ҚР Заңының 1-базы 19-2) тармақшасын)'},
        "url": _LAW_ON_EDUCATION_KK,
        "keys": ["психологиялық-педагогикалық қолдау", "психолого-педагогическое сопровождение"],
    },
    {
        "slug": "persons-with-special-educational-needs",
        "lines": (217, 231),
        "term": {
            "kk": "Ерекше білім беруді қажет ететін адамдар (балалар)",
            "ru": "Лица (дети) с особыми образовательными потребностями",
            "en": "Persons (children) with special educational needs",
        },
        "definition": {
            "kk": (
                "Тиісті деңгейде білім алу және қосымша білім алу үшін арнаулы жағдайларға тұрақты "
                "немесе уақытша қажеттілік көріп жүрген адамдар (балалар);"
            ),
            "ru": (
                "Лица (дети), испытывающие постоянную или временную потребность в специальных "
                "условиях для получения образования соответствующего уровня и дополнительного "
                "образования."
            ),
            "en": (
                "Persons (children) who have a permanent or temporary need for special conditions"
                " in order to receive education of the appropriate level and additional "
                "education."
            ),
        },
        "source": {"kk": '("Білім туралы" ҚР Заңының 1-базы 19-2) тармақшасын)'},
        "url": _LAW_ON_EDUCATION_KK,
        "keys": ["ерекше білім беруді қажет ететін", "еббқ", "особыми образовательными"],
    },
    {
        "slug": "assessment-of-special-educational-needs",
        "lines": (233, 243),
        "term": {
            "kk": "Ерекше білім беру қажеттіліктерін бағалау",
            "ru": "Оценка особых образовательных потребностей",
            "en": "Assessment of special educational needs",
        },
        "definition": {
            "kk": "Білім алу үшін қажетті арнаулы жағдайларды айқындау",
            "ru": "Определение специальных условий, необходимых для получения образования.",
            "en": ("Determining the special conditions needed to receive education."),
        },
        "source": {"kk": '("Білім туралы" ҚР Заңының 1-базы 19-3) тармақшасын)'},
        "url": _LAW_ON_EDUCATION_KK,
        "keys": ["қажеттіліктерін бағалау", "оценка особых образовательных"],
    },
    {
        "slug": "inclusive-education",
        "lines": (245, 255),
        "term": {
            "kk": "Инклюзивті білім беру",
            "ru": "Инклюзивное образование",
            "en": "Inclusive education",
        },
        "definition": {
            "kk": (
                "Ерекше білім беру қажеттіліктері мен жеке-дара мүмкіндіктерін ескере отырып, "
                "барлық білім алушылар үшін білім алуға тең қолжетімділікті қамтамасыз ететін "
                "процесс"
            ),
            "ru": (
                "Процесс, обеспечивающий равный доступ к образованию для всех обучающихся с учётом "
                "особых образовательных потребностей и индивидуальных возможностей."
            ),
            "en": (
                "A process that ensures equal access to education for all learners, taking into "
                "account their special educational needs and individual capabilities."
            ),
        },
        "source": {"kk": '("Білім туралы" ҚР Заңының 1-базы 21-7) тармақшасын)'},
        "url": _LAW_ON_EDUCATION_KK,
        "keys": ["инклюзивті", "инклюзив"],
    },
    {
        "slug": "individual-development-programme",
        "lines": (268, 314),
        "term": {
            "kk": (
                "Ерекше білім беру қажеттіліктері бар балаларға арналған жеке дамытушылық "
                "бағдарлама"
            ),
            "ru": "Индивидуальная развивающая программа для детей с особыми образовательными "
            "потребностями",
            "en": "Individual development programme for children with special educational needs",
        },
        "definition": {
            "kk": (
                "Балалардың ерекше білім беру қажеттіліктерін бағалау негізінде кешенді көмектің "
                "негізгі бағыттары мен мазмұнын айқындайтын Бағдарлама,"
            ),
            "ru": (
                "Программа, определяющая основные направления и содержание комплексной помощи на "
                "основе оценки особых образовательных потребностей детей."
            ),
            "en": (
                "A programme that sets out the main directions and the content of comprehensive "
                "help on the basis of an assessment of children's special educational needs."
            ),
        },
        "source": {
            "kk": (
                "«Мектепке дейінгі тәрбие мен оқытудың, бастауыш, негізгі орта, жалпы орта, "
                "техникалық және кәсіптік, орта білімнен кейінгі білім берудің мемлекеттік "
                "жалпыға міндетті стандарттарын бекіту туралы» Қазақстан Республикасы Оқу-ағарту "
                "министрінің 2022 жылғы 3 тамыздағы №348 бұйрығына өзгерістер енгізу туралы "
                "Қазақстан Республикасының Оқу-ағарту министрінің 2025 жылғы 23 қаңтардағы №12 "
                "бұйрығы (1 Бөлім, 3.7)"
            )
        },
        "url": _ORDER_348_KK,
        "keys": ["жеке дамытушылық бағдарлама", "индивидуальная развивающая"],
    },
    {
        "slug": "special-conditions-for-education",
        "lines": (316, 344),
        "term": {
            "kk": "Білім алу үшін арнаулы жағдайлар",
            "ru": "Специальные условия для получения образования",
            "en": "Special conditions for education",
        },
        "definition": {
            "kk": (
                "Ерекше білім беруді қажет ететін адамдардың (балалардың), сондай-ақ мүмкіндігі "
                "шектеулі балалардың оларсыз білім беру бағдарламаларын меңгеруі мүмкін болмайтын, "
                "оқу, сондай-ақ арнаулы, жеке дамыту мен түзеу-дамыту бағдарламаларын және оқыту "
                "әдістерін, техникалық, оқу және өзге де құралдарды, тыныс-тіршілік ортасын, "
                "психологиялық-педагогикалық қолдап отыруды, медициналық, әлеуметтік және өзге де "
                "көрсетілетін қызметтерді қамтитын жағдайлар;"
            ),
            "ru": (
                "Условия, без которых лица (дети) с особыми образовательными потребностями, а "
                "также дети с ограниченными возможностями не могут освоить образовательные "
                "программы: учебные, а также специальные, индивидуальные развивающие и "
                "коррекционно-развивающие программы и методы обучения, технические, учебные и иные "
                "средства, среда жизнедеятельности, психолого-педагогическое сопровождение, "
                "медицинские, социальные и иные услуги."
            ),
            "en": (
                "Conditions without which persons (children) with special educational needs, and "
                "children with disabilities, cannot master educational programmes; they include "
                "curricula, as well as special, individual development and correctional and "
                "developmental programmes and teaching methods, technical, learning and other "
                "aids, the living environment, psychological and pedagogical support, and "
                "medical, social and other services."
            ),
        },
        "source": {"kk": '("Білім туралы" ҚР Заңы 1 Бөлім 7-4)'},
        "url": _LAW_ON_EDUCATION_KK,
        "keys": ["арнаулы жағдай", "специальные условия"],
    },
    {
        "slug": "adapting-curricula",
        "lines": (346, 397),
        "term": {
            "kk": ("Ерекше білім беруді қажет ететін балалар үшін оқу бағдарламаларын бейімдеу"),
            "ru": "Адаптация учебных программ для детей с особыми образовательными потребностями",
            "en": "Adapting curricula for children with special educational needs",
        },
        "definition": {
            "kk": (
                "Стандартпен белгіленген көлемге және сыныпта оқу қарқынына сәйкес оқу "
                "пәндерінің мазмұнын меңгеруде қиналатын балаларға арнап Үлгілік оқу "
                "бағдарламаларының мазмұнына өзгерістер енгізуі;"
            ),
            "ru": (
                "Внесение изменений в содержание типовых учебных программ для детей, которые "
                "испытывают трудности в освоении содержания учебных предметов в объёме, "
                "установленном стандартом, и в темпе обучения класса."
            ),
            "en": (
                "Changes made to the content of the model curricula for children who find it hard"
                " to master the content of school subjects in the amount set by the standard and "
                "at the pace at which the class learns."
            ),
        },
        "source": {
            "kk": (
                "«Мектепке дейінгі тәрбие мен оқытудың, бастауыш, негізгі орта, жалпы орта, "
                "техникалық және кәсіптік, орта білімнен кейінгі білім берудің мемлекеттік "
                "жалпыға міндетті стандарттарын бекіту туралы» Қазақстан Республикасы Оқу-ағарту "
                "министрінің 2022 жылғы 3 тамыздағы №348 бұйрығына өзгерістер енгізу туралы "
                "Қазақстан Республикасының Оқу-ағарту министрінің 2025 жылғы 23 қаңтардағы №12 "
                "бұйрығы (1 Бөлім, 3.7)"
            )
        },
        # The seed adds the Law's own rule under the definition, with its article.
        "note": {
            "kk": (
                "- ерекше білім беру қажеттіліктері бар адамдарды (балаларды) оқытуға арналған "
                "білім беру ұйымдары білім беру бағдарламаларын білім алушылар мен "
                "тәрбиеленушілердің жеке даму ерекшеліктеріне және әлеуетті мүмкіндіктеріне "
                'сәйкес бейімдейді ("Білім туралы" ҚР Заңы 9.14)'
            ),
            "ru": (
                "Организации образования, обучающие лиц (детей) с особыми образовательными "
                "потребностями, адаптируют образовательные программы к особенностям "
                "индивидуального развития и потенциальным возможностям обучающихся и "
                "воспитанников (Закон РК «Об образовании», 9.14)."
            ),
            "en": (
                "Educational organisations that teach persons (children) with special educational"
                " needs adapt educational programmes to the individual development and potential "
                'abilities of their learners and pupils (Law of the Republic of Kazakhstan "On '
                'Education", 9.14).'
            ),
        },
        "url": _ORDER_348_KK,
        "keys": ["бейімдеу", "адаптац"],
    },
    {
        "slug": "individual-curriculum",
        "lines": (399, 437),
        "term": {
            "kk": "Жеке оқу бағдарламасы",
            "ru": "Индивидуальная учебная программа",
            "en": "Individual curriculum",
        },
        "definition": {
            "kk": (
                "Зияты бұзылған білім алушыларға арналған Үлгілік оқу бағдарламалары негізінде "
                "олардың жеке мүмкіндіктерін ескере отырып, жалпы сыныпта оқитын білім "
                "алушыларға, зияты бұзылған білім алушыларға арналған оқу пәндерінің мазмұнын "
                "айқындау үшін орта білім беру ұйымдарының педагогтері әзірлейтін құжат;"
            ),
            "ru": (
                "Документ, который разрабатывают педагоги организаций среднего образования для "
                "определения содержания учебных предметов для обучающихся с нарушением интеллекта, "
                "обучающихся в общем классе, на основе типовых учебных программ для обучающихся с "
                "нарушением интеллекта с учётом их индивидуальных возможностей."
            ),
            "en": (
                "A document that teachers of secondary education organisations draw up to set the"
                " content of school subjects for learners with intellectual disabilities who "
                "study in a mainstream class, on the basis of the model curricula for learners "
                "with intellectual disabilities and taking into account their individual "
                "capabilities."
            ),
        },
        "source": {
            "kk": (
                "«Мектепке дейінгі тәрбие мен оқытудың, бастауыш, негізгі орта, жалпы орта, "
                "техникалық және кәсіптік, орта білімнен кейінгі білім берудің мемлекеттік "
                "жалпыға міндетті стандарттарын бекіту туралы» Қазақстан Республикасы Оқу-ағарту "
                "министрінің 2022 жылғы 3 тамыздағы №348 бұйрығына өзгерістер енгізу туралы "
                "Қазақстан Республикасының Оқу-ағарту министрінің 2025 жылғы 23 қаңтардағы №12 "
                "бұйрығы (1 Бөлім, 3.8)"
            )
        },
        "url": _ORDER_348_KK,
        "keys": ["жеке оқу бағдарлама", "индивидуальная учебная программа"],
    },
    {
        "slug": "psychological-pedagogical-support-service",
        "lines": (439, 475),
        "term": {
            "kk": "Психологиялық-педагогикалық қолдау қызметі (ППҚҚ)",
            "ru": "Служба психолого-педагогического сопровождения (СППС)",
            "en": "Psychological and pedagogical support service",
        },
        "definition": {
            "kk": (
                "ППҚҚ білім беру ұйымының білім алушылардың, оның ішінде ерекше білім беру "
                "қажеттіліктері бар адамдардың (балалардың) психологиялық салауаттылығын "
                "қамтамасыз етуге, олардың оқу ұмтылысын, үлгерімін, шығармашылық өзін-өзі іске "
                "асыруын, кәсіби бағдарын қалыптастыруға, білім беру процесінің қатысушыларын "
                "психологиялық-педагогикалық сүйемелдеуге жауапты алқалы органы болып табылады."
            ),
            "ru": (
                "СППС – коллегиальный орган организации образования, ответственный за обеспечение "
                "психологического благополучия обучающихся, в том числе лиц (детей) с особыми "
                "образовательными потребностями, формирование их учебной мотивации, успеваемости, "
                "творческой самореализации, профессиональной ориентации, за "
                "психолого-педагогическое сопровождение участников образовательного процесса."
            ),
            "en": (
                "The psychological and pedagogical support service is the collegial body of an "
                "educational organisation responsible for the psychological well-being of "
                "learners, including persons (children) with special educational needs, for "
                "building their motivation to learn, their achievement, creative self-realisation"
                " and career orientation, and for the psychological and pedagogical support of "
                "everyone taking part in the educational process."
            ),
        },
        "source": {
            "kk": (
                "(Білім беру ұйымдарындағы психологиялық-педагогикалық қолдау қызметінің жұмыс "
                "істеу қағидаларын бекіту туралы Қазақстан Республикасы Оқу-ағарту министрінің "
                "2025 жылғы 29 сәуірдегі №92 бұйрығы) (1 бөлім, п.3.4)"
            )
        },
        "url": _ORDER_92_KK,
        "keys": ["ппққ", "сппс"],
    },
    {
        "slug": "assessment-of-special-educational-needs-order-4",
        "lines": (476, 492),
        "term": {
            "kk": "Ерекше білім беру қажеттіліктерін бағалау",
            "ru": "Оценка особых образовательных потребностей",
            "en": "Assessment of special educational needs",
        },
        "definition": {
            "kk": "Білім алу үшін қажетті ерекше жағдайларды анықтау.",
            "ru": "Определение особых условий, необходимых для получения образования.",
            "en": ("Identifying the special conditions needed to receive education."),
        },
        "source": {
            "kk": (
                "Ерекше білім беру қажеттіліктерін бағалау қағидаларын және бағдарламаларын "
                "бекіту туралы Қазақстан Республикасы Білім және ғылым министрінің 2022 жылғы "
                "12 қаңтардағы №4 бұйрығы"
            )
        },
        "url": _ORDER_4_KK,
        # The Law's definition of the same term (above) carries the topic links.
        "keys": [],
    },
]

# Section 9, numbered as approved. "text" is the seed's record without its address; "url" is the
# address, with the PDF's breaks mended (entries 10, 16 and 24 have a space or a line break inside
# the link in the seed). "law": a legal act (linked to its text), not a methodological source.
LITERATURE = [
    {
        "number": 1,
        "lines": (1611, 1613),
        "law": True,
        "text": "Қазақстан Республикасының Конституциясы (1995) өзгерістермен 01.01.2023 г.",
        "url": "https://adilet.zan.kz/rus/docs/K950001000_",
    },
    {
        "number": 2,
        "lines": (1615, 1617),
        "law": True,
        "text": (
            "Всеобщая декларация прав человека (1948), принятая резолюцией 217А (III) Генеральной "
            "Ассамблеи ООН от 10 декабря 1948 года"
        ),
        "url": "https://www.un.org/ru/documents/decl_conv/declarations/declhr.shtml",
    },
    {
        "number": 3,
        "lines": (1621, 1623),
        "law": True,
        "text": (
            "Конвенция о правах инвалидов. Принята резолюцией 61/106 Генеральной Ассамблеи от 13 "
            "декабря 2006 года"
        ),
        "url": "https://www.un.org/ru/documents/decl_conv/conventions/disability.shtml",
    },
    {
        "number": 4,
        "lines": (1630, 1636),
        "law": True,
        "text": (
            "Саламанкская декларация и рамки действий по образованию лиц с особыми потребностями, "
            "принятые Всемирной конференцией по образованию лиц с особыми потребностями: доступ и "
            "качество, Саламанка, Испания, 7–10 июня 1994 года."
        ),
        "url": "http://www.un.org/ru/documents/decl_conv/declarations/pdf/salamanka.pdf",
    },
    {
        "number": 5,
        "lines": (1640, 1646),
        "law": True,
        "text": (
            "Цели устойчивого развития и Повестка дня в области устойчивого развития на период до "
            "2030 года. (Резолюция 70/1 Генеральной Ассамблеи ООН от 25 сентября «Преобразование "
            "мира. Повестка дня в области устойчивого развития на период до 2030 года».)"
        ),
        "url": "https://new.cisstat.org/sdg",
    },
    {
        "number": 6,
        "lines": (1648, 1652),
        "law": True,
        "text": (
            "Дакарские рамки действий «Образование для всех: выполнение наших общих "
            "обязательств», принятые Всемирным форумом по образованию в Дакаре, Сенегал, в апреле "
            "2000 г."
        ),
        "url": "https://www.un.org/ru/documents/decl_conv/conventions/pdf/dakar.pdf",
    },
    {
        "number": 7,
        "lines": (1656, 1660),
        "law": True,
        "text": (
            "Инчхонская декларация (2015), принятая участниками Всемирного Форума по вопросам "
            "образования, прошедшего в 2015 году в Инчхоне, Республике Корее."
        ),
        "url": "https://gcedclearinghouse.org/sites/default/files/resources/245656r.pdf",
    },
    {
        "number": 8,
        "lines": (1664, 1668),
        "law": True,
        "text": (
            "Конвенция ООН «О борьбе с дискриминацией в области образования» в 1960 г. [5], "
            "ратифицированная Законом РК от 28 января 2016 года № 449-V ЗРК"
        ),
        "url": "https://adilet.zan.kz/rus/docs/Z1600000449",
    },
    {
        "number": 9,
        "lines": (1670, 1672),
        "law": True,
        "text": (
            "«О ратификации Конвенции о правах ребенка» Постановление Верховного Совета Республики "
            "Казахстан от 8 июня 1994 года."
        ),
        "url": "https://adilet.zan.kz/rus/docs/B940001400_",
    },
    {
        "number": 10,
        "lines": (1676, 1678),
        "law": True,
        "text": "Қазақстан Республикасының Заңы 27 шілде 2007 жыл № 319-III «Білім туралы».",
        "url": "https://adilet.zan.kz/rus/docs/Z070000319_",
    },
    {
        "number": 11,
        "lines": (1680, 1682),
        "law": True,
        "text": (
            "Қазақстан Республикасының Заңы 8 тамыз 2002 жыл № 345 «Қазақстан Республикасының "
            "бала құқығы туралы»"
        ),
        "url": "https://adilet.zan.kz/rus/docs/Z020000345_",
    },
    {
        "number": 12,
        "lines": (1686, 1692),
        "law": True,
        "text": (
            "Қазақстан Республикасының кейбір заңнамалық актілеріне инклюзивті білім беру "
            "мәселелері бойынша өзгерістер мен толықтырулар енгізу туралы. Қазақстан "
            "Республикасының Заңы 2021 жылғы 26 маусымдағы № 56-VII ҚРЗ."
        ),
        "url": "https://adilet.zan.kz/rus/docs/Z2100000056",
    },
    {
        "number": 13,
        "lines": (1694, 1700),
        "law": True,
        "text": (
            "Қазақстан Республикасының мектепке дейінгі, орта, техникалық және кәсіптік білім "
            "беруді дамытудың 2023-2029 жылдарға арналған тұжырымдамасы 2023 жылғы 28 наурыздағы "
            "№249 бұйрығы , өзгертулер енгізілген 13.06.2024 № 465."
        ),
        "url": "https://adilet.zan.kz/rus/docs/P2300000249",
    },
    {
        "number": 14,
        "lines": (1702, 1710),
        "law": True,
        "text": (
            "Білім беру ұйымдарындағы психологиялық-педагогикалық қолдау қызметінің жұмыс істеу "
            "қағидаларын бекіту туралы. Қазақстан Республикасы Оқу-ағарту министрінің 2025 жылғы "
            "29 сәуірдегі № 92 бұйрығы. Қазақстан Республикасының Әділет министрлігінде 2025 "
            "жылғы 30 сәуірде № 36047 болып тіркелді"
        ),
        "url": "https://adilet.zan.kz/rus/docs/V2500036047",
    },
    {
        "number": 15,
        "lines": (1712, 1738),
        "law": True,
        "text": (
            "Қазақстан Республикасы Білім және ғылым министрінің 2022 жылғы 12 қаңдардағы №4 "
            "бұйырығы Ерекше білім беру қажеттіліктерін бағалау ұағидаларын және бағдарламарын "
            "бекіту туралы 06.05.2025 № 104."
        ),
        "url": "https://adilet.zan.kz/rus/docs/V2200026618",
    },
    {
        "number": 16,
        "lines": (1742, 1746),
        "law": True,
        "text": (
            "Қазақстан Республикасы Білім және ғылым министрінің 2009 жылғы 13 шілдеде Педагог "
            "лауазымдарының үлгілік біліктілік сипаттамаларын бекіту туралы 30.04.2025 № 98."
        ),
        "url": "https://adilet.zan.kz/rus/docs/V090005750",
    },
    {
        "number": 17,
        "lines": (1750, 1754),
        "law": True,
        "text": (
            "Қазақстан Республикасы Оқу-ағарту министрінің м.а. 2023 жылғы 21 шілдедегі №224 "
            "бұйрығы Мемлекеттік білім беру ұйымдары қызметкерлерінің үлгі штаттарын бекіту "
            "туралы"
        ),
        "url": "https://adilet.zan.kz/rus/docs/V2300033166",
    },
    {
        "number": 18,
        "lines": (1758, 1764),
        "law": True,
        "text": (
            "Қазақстан Республикасы Оқу-ағарту министрінің 2022 жылғы 31 тамыздағы №385 бұйрығы "
            "Жоғары және жоғары оқу орнынан кейінгі білім беру ұйымдарын қоспағанда, тиісті "
            "типтердегі және түрлердегі білім беру ұйымдары қызметінің үлгілік қағидаларын беіту "
            "туралы 31.03.2025 № 59."
        ),
        "url": "https://adilet.zan.kz/rus/docs/V2200029329",
    },
    {
        "number": 19,
        "lines": (1768, 1776),
        "law": True,
        "text": (
            "Қазақстан Республикасы Оқу-ағарту министрінің 2022 жылғы 3 тамыздағы №348 бұйрығы "
            "Мектепке дейінгі тәрбие мен оқытудың, бастауыш, негізгі орта, жалпы орта, "
            "техникалық және кәсіптік, орта білімнен кейінгі білім берудің мемлекеттік жалпыға "
            "міндетті стандарттарын бекіту туралы 15.04.2025 № 74."
        ),
        "url": "https://adilet.zan.kz/rus/docs/V2200029031",
    },
    {
        "number": 20,
        "lines": (1778, 1782),
        "law": False,
        "text": (
            "Методические рекомендации по использованию современных ресурсов для "
            "образовательного процесса в условиях инклюзии. – Астана : НАО имени И.Алтынсарина, "
            "2023."
        ),
        "url": "http://surl.li/gdgmsh",
    },
    {
        "number": 21,
        "lines": (1784, 1788),
        "law": False,
        "text": (
            "Методические рекомендации по исполнению педагогами нормативных правовых документов в "
            "сфере инклюзивного образования. – Астана: НАО имени И.Алтынсарина, 2023."
        ),
        "url": "http://surl.li/uuzosb",
    },
    {
        "number": 22,
        "lines": (1790, 1796),
        "law": False,
        "text": (
            "Методические рекомендации по организации инклюзивной образовательной среды для детей "
            "с трудностями, связанными с экономическими, языковыми, культурными причинами. – "
            "Астана: НАО имени И.Алтынсарина, 2022."
        ),
        "url": "http://surl.li/iejrgw",
    },
    {
        "number": 23,
        "lines": (1798, 1802),
        "law": False,
        "text": (
            "Методические рекомендации по организации межведомственного взаимодействия по "
            "вопросам инклюзивного образования. – Астана: НАО имени И. Алтынсарина, 2022."
        ),
        "url": "http://surl.li/nlxcxb",
    },
    {
        "number": 24,
        "lines": (1804, 1808),
        "law": False,
        "text": (
            "Методические рекомендации по реализации принципов преемственности и инклюзивности на "
            "всех уровнях образования (детский сад-школа-колледж-вуз) – Астана: НАО имени И. "
            "Алтынсарина, 2024. – 192 с."
        ),
        "url": "https://uba.edu.kz/storage/app/media/INKL%20%20RS%20%20RS%20%20RS%20%2029.03.2024.pdf",
    },
    {
        "number": 25,
        "lines": (1814, 1818),
        "law": False,
        "text": (
            "Психологическое сопровождение детей с особыми образовательными потребностями в "
            "общеобразовательных организациях: метод. рекомендации /А.К.Ерсарина. – Алматы: ННПЦ "
            "РСИО, 2022."
        ),
        "url": "http://surl.li/ioirbf",
    },
    {
        "number": 26,
        "lines": (1844, 1850),
        "law": False,
        "text": (
            "Сопровождение детей с особыми образовательными потребностями педагогом-ассистентом в "
            "организациях образования: метод. рекомендации/ Егорова Е.В., Аханова Ж.Б., Култаев "
            "Д.Х. - Алматы: ННПЦ РСИО, 2022. 52 с."
        ),
        "url": "https://special-edu.kz/beta/upload/files/2022/Egorova_Akhanova22.pdf",
    },
    {
        "number": 27,
        "lines": (1854, 1856),
        "law": False,
        "text": (
            "Ковальчук М., Тарханова И. Девиантное поведение: профилактика, коррекция, "
            "реабилитация. – Litres, 2022."
        ),
        "url": (
            "https://books.google.kz/books?id=2UmhAAAAQBAJ&printsec=frontcover&hl=ru"
            "&source=gbs_ge_summary_r&cad=0#v=onepage&q&f=false"
        ),
    },
    {
        "number": 28,
        "lines": (1862, 1866),
        "law": False,
        "text": (
            "Батмунх Мунхоо. Индивидуальная программа обучения для детей с нарушениями в развитии "
            "// Коррекционная педагогика: теория и практика. — 2020. — №2. — С. 63-70."
        ),
        "url": "http://nosbveda.ru/news/view/598/",
    },
    {
        "number": 29,
        "lines": (1868, 1874),
        "law": False,
        "text": (
            "Шаймарданова Ж.М. Формирование компетенций педагогов сопровождения (тьюторов и "
            "ассистентов) детей с ограниченными возможностями в инклюзивной среде / BilimBirlik, "
            "17 августа 2024 г. [Электронный ресурс]."
        ),
        "url": "https://www.bilimbirlik.kz/ru/news/9/",
    },
]
