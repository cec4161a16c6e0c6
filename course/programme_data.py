"""The approved 80-hour programme of the qualification-upgrade course for pedagogue-assistants.

«Жалпы білім беретін мектептердегі педагог-ассистент қызметінің заманауи тәсілдері мен құралдары»
(«Современные подходы и инструменты деятельности педагога-ассистента в общеобразовательных
школах»), provider ЖШС «Оқу және Даму Институты».

Source: ``shared/seeds/004_84c7d0ded5d337f1.txt`` (the Kazakh programme), as summarised in
``shared/domain/programme.md``:

- lines 496-631: audience (section 4) and aim (section 5) -> ``PROGRAMME["introduction"]``;
- lines 700-775: the 16 expected outcomes in their three groups (6 knows / 6 masters / 4 skills)
  -> ``PROGRAMME["outcomes"]``;
- lines 777-929: section 6, module descriptions -> ``MODULES[i]["description"]``;
- lines 935-1132: the topic table (full Kazakh topic titles, kinds and hours) -> ``topics``;
- lines 1154-1162: the programme's own declared split (32 h lectures + 40 h practice + 8 h
  final work), kept as ``declared_*`` values. It disagrees with the topic rows (28 h lectures +
  52 h practice = 80 h); the topic rows are the source of truth and all totals are derived.

Russian wording follows the seed's Russian annex (title, ООП, ПМПК, СППС) where it exists;
everything else, and all English text, is our translation. The Kazakh topic titles are the
programme's own names and are kept as written in the seed (including its spelling).
"""

from __future__ import annotations

PROGRAMME = {
    "title": {
        "kk": (
            "Жалпы білім беретін мектептердегі педагог-ассистент қызметінің заманауи тәсілдері мен "
            "құралдары"
        ),
        "ru": (
            "Современные подходы и инструменты деятельности педагога-ассистента в "
            "общеобразовательных школах"
        ),
        "en": (
            "Modern approaches and tools of the pedagogue-assistant's work in general-education "
            "schools"
        ),
    },
    # The programme names its provider in Kazakh only; a Russian or English name would be our
    # invention, so every language shows the official one (OrganisationSettings holds the names
    # the organisation itself registers).
    "provider": {
        "kk": "ЖШС «Оқу және Даму Институты»",
        "ru": "ЖШС «Оқу және Даму Институты»",
        "en": "ЖШС «Оқу және Даму Институты»",
    },
    "introduction": {
        "kk": (
            "Бағдарламаның мақсаты – жалпы білім беретін мектеп жағдайында ерекше білім беру "
            "қажеттіліктері бар білім алушыларды (ЕББҚ) қолдаудың қазіргі заманғы тәсілдері мен "
            "құралдарын пайдалануда педагог-ассистенттердің кәсіби құзыреттілігін арттыру; ол "
            "оқудың дербестігін дамытуға, мінез-құлықты қолдауға және баланы инклюзивті білім беру "
            "процесіне сәтті бейімдеуге бағытталған. Бағдарлама ЕББҚ бар білім алушыларға – "
            "мінез-құлық және эмоциялық қиындықтары бар, әлеуметтену мен коммуникацияда "
            "кедергілері бар, сондай-ақ даму мүмкіндіктері шектеулі балаларға жеке қолдау "
            "көрсететін мектеп педагог-ассистенттеріне арналған. 80 сағаттық курс "
            "педагог-ассистенттің практикалық іс-әрекетінің бүкіл циклін қамтиды: баланың "
            "ерекшеліктерін талдаудан бастап мінез-құлықты қолдау құралдарын қолдануға, "
            "эмоционалды жағдайды реттеуге, оқу дербестігін дамытуға және оқу процесіне қосылуды "
            "қамтамасыз етуге дейін."
        ),
        "ru": (
            "Цель программы – повышение профессиональной компетентности педагогов-ассистентов в "
            "использовании современных подходов и инструментов сопровождения обучающихся с особыми "
            "образовательными потребностями (ООП) в условиях общеобразовательной школы, "
            "направленное на развитие учебной самостоятельности, поддержку поведения и успешную "
            "адаптацию ребёнка к инклюзивному образовательному процессу. Программа адресована "
            "педагогам-ассистентам школ, оказывающим индивидуальную поддержку обучающимся с ООП – "
            "детям с поведенческими и эмоциональными трудностями, с барьерами в социализации и "
            "коммуникации, а также с ограниченными возможностями развития. Курс объёмом 80 часов "
            "охватывает весь цикл практической деятельности педагога-ассистента: от анализа "
            "особенностей ребёнка до применения инструментов поддержки поведения, регуляции "
            "эмоционального состояния, развития учебной самостоятельности и обеспечения включения "
            "в учебный процесс."
        ),
        "en": (
            "The programme aims to raise pedagogue-assistants' professional competence in using "
            "modern approaches and tools to support learners with special educational needs (SEN) "
            "in a general-education school, with a focus on developing independence in learning, "
            "supporting behaviour and helping the child adapt successfully to inclusive education. "
            "It is intended for school pedagogue-assistants who give individual support to "
            "learners with SEN – children with behavioural and emotional difficulties, with "
            "barriers to socialisation and communication, and with limited developmental "
            "abilities. The 80-hour course covers the assistant's whole cycle of practical work: "
            "from analysing the child's characteristics to using behaviour-support tools, "
            "regulating emotional states, developing independence in learning and securing the "
            "child's inclusion in the learning process."
        ),
    },
    "declared_lecture_hours": 32,
    "declared_practice_hours": 40,
    "declared_final_work_hours": 8,
    # Seed lines 700-775, in the programme's own three groups: 6 "біледі" (knows), 6 "игереді"
    # (masters) and 4 "дағдыларға ие болады" (gains the skills). Kazakh verbatim, with the
    # seed's punctuation; Russian and English are our translations.
    "outcomes": {
        "lead": {
            "kk": (
                "Оқыту қорытындысы бойынша педагог-ассистенттер ерекше білім беру "
                "қажеттіліктері бар білім алушыларды сапалы қолдауды қамтамасыз ететін кәсіби "
                "білім, дағдылар кешеніне ие болады."
            ),
            "ru": (
                "По итогам обучения педагоги-ассистенты овладеют комплексом профессиональных "
                "знаний и навыков, обеспечивающих качественное сопровождение обучающихся с "
                "особыми образовательными потребностями."
            ),
            "en": (
                "By the end of the course pedagogue-assistants will have the professional "
                "knowledge and skills needed to give learners with special educational needs "
                "good-quality support."
            ),
        },
        "groups": [
            {
                "group": "knows",
                "heading": {
                    "kk": "Тыңдаушылар біледі:",
                    "ru": "Слушатели знают:",
                    "en": "Trainees know:",
                },
                "items": {
                    "kk": [
                        "Ерекше білім беру қажеттілігі бар білім алушыларды "
                        "психологиялық-педагогикалық қолдауды реттейтін нормативтік құжаттарды;",
                        "Педагог-ассистенттің функциялары, өкілеттіктері және жауапкершілік "
                        "шекараларын;",
                        "Қолдауға жататын балалар топтарын (мінез-құлық және эмоционалдық "
                        "қиындықтар, әлеуметтік-психологиялық, мәдени, тілдік сипаттағы "
                        "кедергілер, даму мүмкіндіктерінің шектеулері);",
                        "Мінез-құлық пен оқу тәуелсіздігін қолдаудың заманауи ғылыми негізделген "
                        "тәсілдерін;",
                        "Сабақтағы тапсырмаларды даралау және бейімдеу әдістерін;",
                        "ППҚҚ мұғалімімен және мамандарымен өзара іс-әрекет принциптерін біледі.",
                    ],
                    "ru": [
                        "нормативные документы, регулирующие психолого-педагогическое "
                        "сопровождение обучающихся с особыми образовательными потребностями;",
                        "функции, полномочия и границы ответственности педагога-ассистента;",
                        "группы детей, нуждающихся в поддержке (поведенческие и эмоциональные "
                        "трудности, барьеры социально-психологического, культурного, языкового "
                        "характера, ограничения возможностей развития);",
                        "современные научно обоснованные подходы к поддержке поведения и учебной "
                        "самостоятельности;",
                        "методы индивидуализации и адаптации заданий на уроке;",
                        "принципы взаимодействия с учителем и специалистами СППС.",
                    ],
                    "en": [
                        "the regulations governing psychological and pedagogical support for "
                        "learners with special educational needs;",
                        "the pedagogue-assistant's functions, powers and limits of responsibility;",
                        "the groups of children who need support (behavioural and emotional "
                        "difficulties; socio-psychological, cultural and language barriers; "
                        "limited developmental abilities);",
                        "modern evidence-based approaches to supporting behaviour and "
                        "independence in learning;",
                        "methods of individualising and adapting tasks in lessons;",
                        "the principles of cooperation with the teacher and the support-service "
                        "specialists.",
                    ],
                },
            },
            {
                "group": "can",
                "heading": {
                    "kk": "Тыңдаушылар игереді:",
                    "ru": "Слушатели осваивают:",
                    "en": "Trainees master:",
                },
                "items": {
                    "kk": [
                        "мамандардың бақылаулары мен ұсынымдары негізінде баланың білім беру "
                        "қажеттіліктерін бағалауға қатысады;",
                        "мінез-құлықты қолдаудың заманауи құралдарын қолдану: визуалды кестелер, "
                        "таңдау карталары, позитивті күшейту модельдері, алдын-алу стратегиялары;",
                        "баланың сабаққа белсенді қатысуын қамтамасыз ете отырып, сыртқы көмектің "
                        "деңгейін біртіндеп азайту, оны сабақ барысында қолдау.",
                        "тапсырмаларды, нұсқаулықтарды, оқу материалдарын білім алушының "
                        "мүмкіндігіне бейімдеу;",
                        "оқу және әлеуметтік белсенділікті қолдайтын ортаны ұйымдастыру;",
                        "құжаттаманы жүргізу, динамиканы бекіту және қолдаудың жеке жоспарына "
                        "өзгеріс енгізе алады;",
                    ],
                    "ru": [
                        "участвуют в оценке образовательных потребностей ребёнка на основе "
                        "наблюдений и рекомендаций специалистов;",
                        "применение современных инструментов поддержки поведения: визуальные "
                        "расписания, карточки выбора, модели позитивного подкрепления, "
                        "профилактические стратегии;",
                        "постепенное снижение уровня внешней помощи с обеспечением активного "
                        "участия ребёнка в уроке, поддержка его в ходе урока.",
                        "адаптация заданий, инструкций, учебных материалов к возможностям "
                        "обучающегося;",
                        "организация среды, поддерживающей учебную и социальную активность;",
                        "умеют вести документацию, фиксировать динамику и вносить изменения в "
                        "индивидуальный план поддержки;",
                    ],
                    "en": [
                        "taking part in assessing a child's educational needs on the basis of "
                        "specialists' observations and recommendations;",
                        "using modern behaviour-support tools: visual schedules, choice cards, "
                        "positive-reinforcement models, prevention strategies;",
                        "gradually reducing outside help while keeping the child actively "
                        "involved in the lesson, and supporting the child during the lesson.",
                        "adapting tasks, instructions and learning materials to the learner's "
                        "abilities;",
                        "organising an environment that supports learning and social activity;",
                        "keeping documentation, recording progress and updating the individual "
                        "support plan;",
                    ],
                },
            },
            {
                "group": "skills",
                "heading": {
                    "kk": "Тыңдаушылар дағдыларға ие болады:",
                    "ru": "Слушатели приобретают навыки:",
                    "en": "Trainees gain the skills of:",
                },
                "items": {
                    "kk": [
                        "баланың мінез-құлқы мен оқу іс-әрекетін қолдаудың практикалық "
                        "құралдарын қолдану;",
                        "кезең-кезеңмен оқытуды ұйымдастыру және дербестікті қалыптастыру;",
                        "педагогтармен, ата-аналармен және балалармен кәсіби қауіпсіз "
                        "қарым-қатынас орнату;",
                        "өзінің кәсіби қызметін талдау және қолдау тәсілдерін жетілдіру;",
                    ],
                    "ru": [
                        "применения практических инструментов поддержки поведения и учебной "
                        "деятельности ребёнка;",
                        "организации пошагового обучения и формирования самостоятельности;",
                        "профессионально безопасного общения с педагогами, родителями и детьми;",
                        "анализа собственной профессиональной деятельности и совершенствования "
                        "подходов к поддержке.",
                    ],
                    "en": [
                        "using practical tools to support the child's behaviour and learning;",
                        "organising step-by-step teaching and building independence;",
                        "professionally safe communication with teachers, parents and children;",
                        "analysing their own professional practice and improving their support "
                        "methods.",
                    ],
                },
            },
        ],
    },
}

MODULES = [
    {
        "number": 1,
        "title": {
            "kk": "Педагог-ассистенттің нормативтік-құқықтық негіздері және кәсіби қызметі",
            "ru": "Нормативно-правовые основы и профессиональная деятельность педагога-ассистента",
            "en": "Legal basis and professional role of the pedagogue-assistant",
        },
        "description": {
            "kk": (
                "Модуль инклюзивті білім берудің нормативтік құқықтық базасы, педагог-ассистенттің "
                "функциялары мен өкілеттіктері, психологиялық-педагогикалық қолдау қызметінің "
                "құрамындағы қызметтің ерекшеліктері туралы білімді жүйелеуге бағытталған. "
                "Педагог-ассистенттің кәсіби шекаралары мен жауапкершілігіне, ПМПК ұсынымдары "
                "негізінде білім алушыны қолдауға қатысу алгоритміне, құжаттау нормативтеріне және "
                "мультидисциплинарлық команда ішіндегі өзара іс-әрекет ережелеріне назар "
                "аударылады."
            ),
            "ru": (
                "Модуль направлен на систематизацию знаний о нормативной правовой базе "
                "инклюзивного образования, функциях и полномочиях педагога-ассистента, "
                "особенностях его деятельности в составе службы психолого-педагогического "
                "сопровождения. Особое внимание уделяется профессиональным границам и "
                "ответственности педагога-ассистента, алгоритму участия в сопровождении "
                "обучающегося на основе рекомендаций ПМПК, нормам документирования и правилам "
                "взаимодействия внутри мультидисциплинарной команды."
            ),
            "en": (
                "The module systematises knowledge of the legal framework of inclusive education, "
                "the functions and powers of the pedagogue-assistant and the specifics of working "
                "as part of the school's psychological and pedagogical support service. Attention "
                "is given to the assistant's professional boundaries and responsibility, the "
                "algorithm for taking part in a learner's support on the basis of PMPK "
                "recommendations, documentation standards and the rules of cooperation within a "
                "multidisciplinary team."
            ),
        },
        "outcomes": {
            "kk": [
                (
                    "Инклюзивті білім беру саласындағы ҚР нормативтік-құқықтық құжаттарын және "
                    "олардан туындайтын педагог-ассистенттің функцияларын түсіндіреді."
                ),
                (
                    "ЕББҚ бар балалар топтарын ажыратады және әр топтың қолдау қажеттіліктерін "
                    "сипаттайды."
                ),
                "Кәсіби шекараларды, этика мен қауіпсіздік талаптарын сақтайды.",
                (
                    "ПМПК және ППҚҚ ұсынымдары негізінде қолдауға қатысу алгоритмін қолданады, "
                    "бақылаулар мен динамиканы құжаттайды."
                ),
            ],
            "ru": [
                (
                    "Объясняет нормативные правовые документы РК в сфере инклюзивного образования "
                    "и вытекающие из них функции педагога-ассистента."
                ),
                "Различает группы детей с ООП и описывает потребности каждой группы в поддержке.",
                "Соблюдает профессиональные границы, требования этики и безопасности.",
                (
                    "Применяет алгоритм участия в сопровождении на основе рекомендаций ПМПК и "
                    "СППС, документирует наблюдения и динамику."
                ),
            ],
            "en": [
                (
                    "Explains Kazakhstan's legal acts on inclusive education and the "
                    "pedagogue-assistant's functions that follow from them."
                ),
                (
                    "Distinguishes the groups of children with SEN and describes each group's "
                    "support needs."
                ),
                "Observes professional boundaries and the requirements of ethics and safety.",
                (
                    "Follows the algorithm for taking part in support based on PMPK and "
                    "support-service recommendations, and documents observations and progress."
                ),
            ],
        },
        "topics": [
            {
                "number": "1.1",
                "kind": "lecture",
                "hours": 2,
                "title": {
                    "kk": (
                        "Инклюзивті білім туралы ҚР нормативтік-құқықтық құжаттары. "
                        "Педагог-ассистенттің рөлі мен функциялары"
                    ),
                    "ru": (
                        "Нормативные правовые документы РК об инклюзивном образовании. Роль и "
                        "функции педагога-ассистента"
                    ),
                    "en": (
                        "Legal acts of the Republic of Kazakhstan on inclusive education. Role and "
                        "functions of the pedagogue-assistant"
                    ),
                },
                "summary": {
                    "kk": (
                        "Инклюзивті білім беруді реттейтін негізгі құжаттар: «Білім туралы» Заң, "
                        "ППҚҚ қызметінің қағидалары (№ 92 бұйрық), ерекше білім беру "
                        "қажеттіліктерін бағалау қағидалары және педагог-ассистенттің үлгілік "
                        "біліктілік сипаттамасы. Осы құжаттардан туындайтын педагог-ассистенттің "
                        "рөлі мен функциялары."
                    ),
                    "ru": (
                        "Основные документы, регулирующие инклюзивное образование: Закон «Об "
                        "образовании», Правила деятельности СППС (приказ № 92), Правила оценки "
                        "особых образовательных потребностей и типовые квалификационные "
                        "характеристики педагога-ассистента. Роль и функции педагога-ассистента, "
                        "вытекающие из этих документов."
                    ),
                    "en": (
                        "The main acts governing inclusive education: the Law on Education, the "
                        "rules of the psychological and pedagogical support service (Order No 92), "
                        "the rules for assessing special educational needs and the standard "
                        "qualification profile of the pedagogue-assistant. The assistant's role "
                        "and functions as they follow from these acts."
                    ),
                },
            },
            {
                "number": "1.2",
                "kind": "lecture",
                "hours": 2,
                "title": {
                    "kk": (
                        "ЕББҚ бар балалар топтарының әлеуметтік-педагогикалық классификациясы: 1) "
                        "Мінез-құлық және эмоционалдық проблемалармен, қолайсыз психологиялық "
                        "факторлармен; 2) Әлеуметтік-психологиялық, экономикалық, тілдік және "
                        "мәдени сипаттағы кедергілермен; 3) Мүмкіндіктері шектеулілігімен"
                    ),
                    "ru": (
                        "Социально-педагогическая классификация групп детей с ООП: 1) с "
                        "поведенческими и эмоциональными проблемами, неблагоприятными "
                        "психологическими факторами; 2) с барьерами социально-психологического, "
                        "экономического, языкового и культурного характера; 3) с ограниченными "
                        "возможностями"
                    ),
                    "en": (
                        "Socio-pedagogical classification of groups of children with SEN: 1) with "
                        "behavioural and emotional problems and adverse psychological factors; 2) "
                        "with socio-psychological, economic, language and cultural barriers; 3) "
                        "with limited abilities"
                    ),
                },
                "summary": {
                    "kk": (
                        "ЕББҚ бар балалардың үш тобы: мінез-құлық және эмоционалдық қиындықтары "
                        "бар, әлеуметтік-психологиялық, экономикалық, тілдік және мәдени "
                        "кедергілерге тап болған, сондай-ақ мүмкіндіктері шектеулі балалар. Әр "
                        "топтың оқудағы қажеттіліктері мен қолдау ерекшеліктері."
                    ),
                    "ru": (
                        "Три группы детей с ООП: с поведенческими и эмоциональными трудностями; "
                        "столкнувшиеся с социально-психологическими, экономическими, языковыми и "
                        "культурными барьерами; с ограниченными возможностями. Образовательные "
                        "потребности каждой группы и особенности их поддержки."
                    ),
                    "en": (
                        "The three groups of children with SEN: those with behavioural and "
                        "emotional difficulties; those facing socio-psychological, economic, "
                        "language and cultural barriers; and those with limited abilities. Each "
                        "group's learning needs and how support differs between them."
                    ),
                },
            },
            {
                "number": "1.3",
                "kind": "lecture",
                "hours": 2,
                "title": {
                    "kk": "Кәсіби шекаралар, жауапкершілік, этика, қауіпсіздік",
                    "ru": "Профессиональные границы, ответственность, этика, безопасность",
                    "en": "Professional boundaries, responsibility, ethics, safety",
                },
                "summary": {
                    "kk": (
                        "Педагог-ассистенттің өкілеттіктері мен жауапкершілік шекаралары, "
                        "мұғаліммен және мамандармен функцияларды бөлу. Кәсіби этика, құпиялылық "
                        "және баланың өмірі мен денсаулығының қауіпсіздігін қамтамасыз ету "
                        "талаптары."
                    ),
                    "ru": (
                        "Полномочия и границы ответственности педагога-ассистента, распределение "
                        "функций с учителем и специалистами. Профессиональная этика, "
                        "конфиденциальность и требования к обеспечению безопасности жизни и "
                        "здоровья ребёнка."
                    ),
                    "en": (
                        "The assistant's powers and the limits of their responsibility, and how "
                        "functions are divided with the teacher and specialists. Professional "
                        "ethics, confidentiality and the requirements for keeping the child safe "
                        "and healthy."
                    ),
                },
            },
            {
                "number": "1.4",
                "kind": "lecture",
                "hours": 2,
                "title": {
                    "kk": "Білім алушыны қолдауға қатысу алгоритмі: ПМПК, ППҚҚ ұсынымдары",
                    "ru": "Алгоритм участия в сопровождении обучающегося: рекомендации ПМПК, СППС",
                    "en": (
                        "Algorithm for taking part in a learner's support: PMPK and "
                        "support-service recommendations"
                    ),
                },
                "summary": {
                    "kk": (
                        "ПМПК қорытындысы мен ППҚҚ ұсынымдарынан бастап сабақтағы күнделікті "
                        "қолдауға дейінгі педагог-ассистент әрекеттерінің реттілігі. "
                        "Мультидисциплинарлық командадағы өзара іс-әрекет және ақпарат алмасу "
                        "тәртібі."
                    ),
                    "ru": (
                        "Последовательность действий педагога-ассистента: от заключения ПМПК и "
                        "рекомендаций СППС до ежедневной поддержки на уроке. Взаимодействие в "
                        "мультидисциплинарной команде и порядок обмена информацией."
                    ),
                    "en": (
                        "The sequence of the assistant's actions, from the PMPK conclusion and "
                        "support-service recommendations to day-to-day support in lessons. "
                        "Cooperation within the multidisciplinary team and how information is "
                        "shared."
                    ),
                },
            },
            {
                "number": "1.5",
                "kind": "practice",
                "hours": 4,
                "title": {
                    "kk": "Құжаттама: бақылаулар, мониторинг парақтары, динамиканы бекіту",
                    "ru": "Документация: наблюдения, листы мониторинга, фиксация динамики",
                    "en": "Documentation: observations, monitoring sheets, recording progress",
                },
                "summary": {
                    "kk": (
                        "Бақылау жазбаларын, мониторинг парақтарын және даму динамикасы журналын "
                        "жүргізу бойынша практикалық жұмыс. Тыңдаушылар үлгілер бойынша баланың "
                        "жетістіктері мен қиындықтарын объективті тіркеуді жаттықтырады."
                    ),
                    "ru": (
                        "Практическая работа по ведению записей наблюдений, листов мониторинга и "
                        "журнала динамики развития. Слушатели по образцам отрабатывают объективную "
                        "фиксацию достижений и трудностей ребёнка."
                    ),
                    "en": (
                        "Hands-on work with observation records, monitoring sheets and a "
                        "development-dynamics journal. Using templates, participants practise "
                        "recording a child's progress and difficulties objectively."
                    ),
                },
            },
            {
                "number": "1.6",
                "kind": "practice",
                "hours": 4,
                "title": {
                    "kk": "Қолдаудың типтік жағдайларын талдау (кейстер)",
                    "ru": "Анализ типичных ситуаций сопровождения (кейсы)",
                    "en": "Analysing typical support situations (cases)",
                },
                "summary": {
                    "kk": (
                        "Педагог-ассистент жұмысында жиі кездесетін жағдайларды кейстер арқылы "
                        "талдау. Тыңдаушылар кәсіби шекараларды сақтай отырып, әрекет алгоритмін "
                        "таңдайды және негіздейді."
                    ),
                    "ru": (
                        "Анализ на кейсах типичных ситуаций, возникающих в работе "
                        "педагога-ассистента. Слушатели выбирают и обосновывают алгоритм действий "
                        "с соблюдением профессиональных границ."
                    ),
                    "en": (
                        "Case-based analysis of situations that commonly arise in an assistant's "
                        "work. Participants choose and justify a course of action while keeping to "
                        "professional boundaries."
                    ),
                },
            },
        ],
    },
    {
        "number": 2,
        "title": {
            "kk": "Білім беру қажеттіліктерін бағалау және жеке қолдауды жоспарлау",
            "ru": "Оценка образовательных потребностей и планирование индивидуальной поддержки",
            "en": "Assessing educational needs and planning individual support",
        },
        "description": {
            "kk": (
                "Модульдің мазмұны баланың білім беру қажеттіліктерін анықтау, оқыту кедергілерін "
                "талдау және жеке қолдау жоспарларын әзірлеуге қатысу саласындағы "
                "педагог-ассистенттің құзыреттерін қалыптастыруға бағытталған. Бұл бөлімде білім "
                "алушының мінез-құлқы мен оқу іс-әрекетін бақылау әдістері, оқуда туындайтын "
                "ерекше қиындықтарды психологиялық-педагогикалық жіктеудің негіздері, сондай-ақ "
                "баланың оқу үдерісіне белсенді қатысуына ықпал ететін триггерлер мен факторларды "
                "анықтау және тіркеу тәсілдері қарастырылады. Сонымен қатар талдау құралдары (оның "
                "ішінде ABC-мінез-құлық моделі), даму динамикасын құжаттауға қойылатын талаптар, "
                "педагог-ассистенттің психологиялық-педагогикалық қолдау қызметі (ППҚҚ) мен "
                "психологиялық-медициналық-педагогикалық комиссия (ПМПК) мамандарының ұсынымдарына "
                "сәйкес жеке оқу жоспарлары мен бағдарламаларын әзірлеуге қатысу алгоритмдері "
                "талданады."
            ),
            "ru": (
                "Содержание модуля направлено на формирование компетенций педагога-ассистента в "
                "области выявления образовательных потребностей ребёнка, анализа барьеров в "
                "обучении и участия в разработке индивидуальных планов поддержки. В этом разделе "
                "рассматриваются методы наблюдения за поведением и учебной деятельностью "
                "обучающегося, основы психолого-педагогической классификации особых трудностей, "
                "возникающих в обучении, а также способы выявления и фиксации триггеров и "
                "факторов, влияющих на активное участие ребёнка в учебном процессе. Кроме того, "
                "анализируются инструменты анализа (в том числе ABC-модель поведения), требования "
                "к документированию динамики развития, алгоритмы участия педагога-ассистента в "
                "разработке индивидуальных учебных планов и программ в соответствии с "
                "рекомендациями специалистов службы психолого-педагогического сопровождения (СППС) "
                "и психолого-медико-педагогической консультации (ПМПК)."
            ),
            "en": (
                "The module builds the pedagogue-assistant's competences in identifying a child's "
                "educational needs, analysing barriers to learning and taking part in drawing up "
                "individual support plans. It covers methods of observing a learner's behaviour "
                "and learning activity, the basics of the psycho-pedagogical classification of "
                "specific learning difficulties, and ways of identifying and recording the "
                "triggers and factors that affect the child's active participation in learning. It "
                "also examines analysis tools (including the ABC model of behaviour), the "
                "requirements for documenting developmental progress, and the algorithms by which "
                "the assistant takes part in developing individual learning plans and programmes "
                "in line with the recommendations of specialists of the psychological and "
                "pedagogical support service and the psychological, medical and pedagogical "
                "consultation (PMPK)."
            ),
        },
        "outcomes": {
            "kk": [
                (
                    "Оқыту мен мінез-құлық қиындықтарын психологиялық-педагогикалық жіктеу "
                    "негізінде сипаттайды."
                ),
                (
                    "ABC талдау арқылы бақылау жүргізеді, триггерлер мен оқыту кедергілерін "
                    "анықтап тіркейді."
                ),
                (
                    "Бақылау карталары мен мониторинг деректерін талдап, білім алушының "
                    "қажеттіліктерін анықтайды."
                ),
                (
                    "Мамандардың ұсынымдарына сүйене отырып, жеке қолдау жоспарын, жеке оқу "
                    "жоспарлары мен бағдарламаларын әзірлеуге қатысады."
                ),
            ],
            "ru": [
                (
                    "Характеризует трудности в обучении и поведении на основе "
                    "психолого-педагогической классификации."
                ),
                (
                    "Проводит наблюдение с помощью ABC-анализа, выявляет и фиксирует триггеры и "
                    "барьеры в обучении."
                ),
                (
                    "Анализирует карты наблюдения и данные мониторинга и определяет потребности "
                    "обучающегося."
                ),
                (
                    "Участвует в разработке индивидуального плана поддержки, индивидуальных "
                    "учебных планов и программ с опорой на рекомендации специалистов."
                ),
            ],
            "en": [
                (
                    "Describes learning and behaviour difficulties using a psycho-pedagogical "
                    "classification."
                ),
                (
                    "Carries out observation with ABC analysis and identifies and records triggers "
                    "and barriers to learning."
                ),
                "Analyses observation cards and monitoring data to identify a learner's needs.",
                (
                    "Takes part in drawing up an individual support plan and individual learning "
                    "plans and programmes, based on specialists' recommendations."
                ),
            ],
        },
        "topics": [
            {
                "number": "2.1",
                "kind": "lecture",
                "hours": 2,
                "title": {
                    "kk": (
                        "Оқыту мен мінез-құлық қиындықтарының психологиялық-педагогикалық жіктелуі"
                    ),
                    "ru": (
                        "Психолого-педагогическая классификация трудностей в обучении и поведении"
                    ),
                    "en": (
                        "Psycho-pedagogical classification of learning and behaviour difficulties"
                    ),
                },
                "summary": {
                    "kk": (
                        "Оқудағы және мінез-құлықтағы қиындықтардың түрлері, олардың себептері мен "
                        "көріністері. Жіктеудің баланың білім беру қажеттіліктерін анықтаудағы "
                        "және қолдау тәсілдерін таңдаудағы маңызы."
                    ),
                    "ru": (
                        "Виды трудностей в обучении и поведении, их причины и проявления. Значение "
                        "классификации для определения образовательных потребностей ребёнка и "
                        "выбора способов поддержки."
                    ),
                    "en": (
                        "Types of learning and behaviour difficulties, their causes and how they "
                        "show. Why classification matters for identifying a child's educational "
                        "needs and choosing ways to support them."
                    ),
                },
            },
            {
                "number": "2.2",
                "kind": "lecture",
                "hours": 2,
                "title": {
                    "kk": "Бақылау әдістері: ABC талдау, триггерлерді бекіту, кедергілерді бағалау",
                    "ru": "Методы наблюдения: ABC-анализ, фиксация триггеров, оценка барьеров",
                    "en": (
                        "Observation methods: ABC analysis, recording triggers, assessing barriers"
                    ),
                },
                "summary": {
                    "kk": (
                        "Мінез-құлықты бақылау әдістері және ABC моделі (алғышарт – мінез-құлық – "
                        "салдар). Триггерлерді анықтау мен тіркеу, баланың оқуға қатысуына кедергі "
                        "келтіретін факторларды бағалау."
                    ),
                    "ru": (
                        "Методы наблюдения за поведением и модель ABC (антецедент – поведение – "
                        "последствие). Выявление и фиксация триггеров, оценка барьеров, мешающих "
                        "участию ребёнка в обучении."
                    ),
                    "en": (
                        "Methods of observing behaviour and the ABC model (antecedent – behaviour "
                        "– consequence). Identifying and recording triggers and assessing the "
                        "barriers that hinder the child's participation in learning."
                    ),
                },
            },
            {
                "number": "2.3",
                "kind": "lecture",
                "hours": 2,
                "title": {
                    "kk": (
                        "Қолдауды жоспарлау: ассистенттің жеке оқу жоспарлары мен бағдарламаларын "
                        "жасауға қатысуы; жеке-дамыту және түзету-дамыту бағдарламалары"
                    ),
                    "ru": (
                        "Планирование поддержки: участие ассистента в разработке индивидуальных "
                        "учебных планов и программ; индивидуально-развивающие и "
                        "коррекционно-развивающие программы"
                    ),
                    "en": (
                        "Planning support: the assistant's part in drawing up individual learning "
                        "plans and programmes; individual developmental and "
                        "correctional-developmental programmes"
                    ),
                },
                "summary": {
                    "kk": (
                        "Педагог-ассистенттің жеке оқу жоспарлары мен бағдарламаларын, жеке дамыту "
                        "және түзете-дамыту бағдарламаларын әзірлеуге қатысуы. Қолдау жоспарының "
                        "құрылымы, мақсаттарды белгілеу және мамандардың ұсынымдарын ескеру."
                    ),
                    "ru": (
                        "Участие педагога-ассистента в разработке индивидуальных учебных планов и "
                        "программ, индивидуально-развивающих и коррекционно-развивающих программ. "
                        "Структура плана поддержки, постановка целей и учёт рекомендаций "
                        "специалистов."
                    ),
                    "en": (
                        "The assistant's part in developing individual learning plans and "
                        "programmes and individual developmental and correctional-developmental "
                        "programmes. The structure of a support plan, setting goals and taking "
                        "specialists' recommendations into account."
                    ),
                },
            },
            {
                "number": "2.4",
                "kind": "practice",
                "hours": 4,
                "title": {
                    "kk": "Бақылау картасын талдау, мониторинг түрі",
                    "ru": "Анализ карты наблюдения, виды мониторинга",
                    "en": "Analysing an observation card; kinds of monitoring",
                },
                "summary": {
                    "kk": (
                        "Толтырылған бақылау карталарын талдау және мониторингтің түрлерімен "
                        "танысу. Тыңдаушылар деректерден заңдылықтарды анықтап, қолдауды түзету "
                        "бойынша қорытынды жасайды."
                    ),
                    "ru": (
                        "Анализ заполненных карт наблюдения и знакомство с видами мониторинга. "
                        "Слушатели выявляют закономерности в данных и делают выводы о "
                        "корректировке поддержки."
                    ),
                    "en": (
                        "Analysing completed observation cards and getting to know the kinds of "
                        "monitoring. Participants spot patterns in the data and draw conclusions "
                        "about adjusting support."
                    ),
                },
            },
            {
                "number": "2.5",
                "kind": "practice",
                "hours": 3,
                "title": {
                    "kk": "Диагностикалық шағын-кейстер: білім алушылардың қажеттіліктерін анықтау",
                    "ru": "Диагностические мини-кейсы: выявление потребностей обучающихся",
                    "en": "Diagnostic mini-cases: identifying learners' needs",
                },
                "summary": {
                    "kk": (
                        "Қысқа диагностикалық кейстер бойынша білім алушылардың білім беру "
                        "қажеттіліктері мен оқыту кедергілерін анықтау. Бақылау деректері мен "
                        "мамандардың ұсынымдарын байланыстыру."
                    ),
                    "ru": (
                        "Определение образовательных потребностей и барьеров в обучении по "
                        "коротким диагностическим кейсам. Соотнесение данных наблюдения с "
                        "рекомендациями специалистов."
                    ),
                    "en": (
                        "Identifying learners' educational needs and barriers to learning from "
                        "short diagnostic cases. Linking observation data with specialists' "
                        "recommendations."
                    ),
                },
            },
            {
                "number": "2.6",
                "kind": "practice",
                "hours": 3,
                "title": {
                    "kk": "Қолдау жоспарын құру",
                    "ru": "Составление плана поддержки",
                    "en": "Building a support plan",
                },
                "summary": {
                    "kk": (
                        "Кейс негізінде жеке қолдау жоспарының үзіндісін құру: мақсаттар, қолдау "
                        "құралдары, жауаптылар және динамиканы бағалау тәсілдері. Жоспарды топта "
                        "талқылау және түзету."
                    ),
                    "ru": (
                        "Составление фрагмента индивидуального плана поддержки на основе кейса: "
                        "цели, инструменты поддержки, ответственные и способы оценки динамики. "
                        "Обсуждение и корректировка плана в группе."
                    ),
                    "en": (
                        "Drafting part of an individual support plan from a case: goals, support "
                        "tools, who is responsible and how progress will be assessed. Discussing "
                        "and revising the plan in the group."
                    ),
                },
            },
        ],
    },
    {
        "number": 3,
        "title": {
            "kk": (
                "Білім алушылардың мінез-құлқын және эмоционалды реттеуін қолдаудың заманауи "
                "тәсілдері мен құралдары"
            ),
            "ru": (
                "Современные подходы и инструменты поддержки поведения и эмоциональной регуляции "
                "обучающихся"
            ),
            "en": (
                "Modern approaches and tools for supporting learners' behaviour and emotional "
                "regulation"
            ),
        },
        "description": {
            "kk": (
                "Бұл модульде мінез-құлықтық және эмоциялық қиындықтары бар білім алушыларды "
                "қолдау барысында педагог-ассистент қолдана алатын заманауи, ғылыми негізделген "
                "тәсілдер қарастырылады. Позитивті мінез-құлықты қолдау жүйесінің (PBIS) "
                "элементтері, педагог-ассистентке қолжетімді қолданбалы мінез-құлықты талдау "
                "стратегиялары (нұсқау беру, көмекті біртіндеп азайту, дифференциалды күшейту), "
                "жағымсыз мінез-құлықтың алдын алу әдістері талданады. Сонымен қатар кеңістікті "
                "құрылымдау, ауысу кезеңдерін ұйымдастыру, баланы эмоциялық шамадан тыс жүктеме "
                "жағдайларында қолдау қағидаттары қамтылады. Сенсорлық интеграцияның негіздері, "
                "ко-реттеу тәсілдері, визуалды ережелерді, кестелерді және әлеуметтік оқиғаларды "
                "қолдану жолдары қарастырылады. Альтернативті және қосымша коммуникацияға ерекше "
                "назар аударылады, оның ішінде қарым-қатынасты қолдау және мінез-құлықтық "
                "шиеленісті төмендету мақсатында визуалды нұсқаулар мен PECS элементтерін "
                "пайдалану тәсілдері ұсынылады."
            ),
            "ru": (
                "В модуле рассматриваются современные научно обоснованные подходы, которые "
                "педагог-ассистент может применять при сопровождении обучающихся с поведенческими "
                "и эмоциональными трудностями. Анализируются элементы системы позитивной поддержки "
                "поведения (PBIS), доступные педагогу-ассистенту стратегии прикладного анализа "
                "поведения (подсказки, постепенное снижение помощи, дифференциальное "
                "подкрепление), методы профилактики нежелательного поведения. Кроме того, "
                "охватываются принципы структурирования пространства, организации переходов, "
                "поддержки ребёнка в ситуациях эмоциональной перегрузки. Рассматриваются основы "
                "сенсорной интеграции, приёмы ко-регуляции, способы использования визуальных "
                "правил, расписаний и социальных историй. Особое внимание уделяется альтернативной "
                "и дополнительной коммуникации, в том числе предлагаются способы использования "
                "визуальных подсказок и элементов PECS для поддержки общения и снижения "
                "поведенческого напряжения."
            ),
            "en": (
                "The module examines modern, evidence-based approaches that a pedagogue-assistant "
                "can use when supporting learners with behavioural and emotional difficulties. It "
                "analyses elements of positive behavioural interventions and supports (PBIS), the "
                "applied behaviour analysis strategies available to an assistant (prompting, "
                "gradual reduction of help, differential reinforcement) and methods of preventing "
                "challenging behaviour. It also covers the principles of structuring space, "
                "organising transitions and supporting a child in situations of emotional "
                "overload. The basics of sensory integration, co-regulation techniques and ways of "
                "using visual rules, schedules and social stories are considered. Special "
                "attention is paid to augmentative and alternative communication, including ways "
                "of using visual prompts and elements of PECS to support communication and reduce "
                "behavioural tension."
            ),
        },
        "outcomes": {
            "kk": [
                (
                    "PBIS қағидаттары мен ассистентке қолжетімді ABA элементтерін (нұсқау беру, "
                    "fading, модельдеу) қолданады."
                ),
                (
                    "Жағымсыз мінез-құлықтың алдын алу стратегияларын таңдайды және оны жеңу "
                    "әдістерін қолданады."
                ),
                (
                    "Визуалды кестелерді, таңдау карталарын, әлеуметтік әңгімелерді және баламалы "
                    "коммуникация құралдарын әзірлеп, қолданады."
                ),
                (
                    "Эмоционалды шамадан тыс жүктеме жағдайында сенсорлық тәсілдер мен "
                    "ко-регуляция арқылы баланы қолдайды."
                ),
            ],
            "ru": [
                (
                    "Применяет принципы PBIS и доступные ассистенту элементы ABA (подсказки, "
                    "fading, моделирование)."
                ),
                (
                    "Подбирает стратегии профилактики нежелательного поведения и применяет методы "
                    "его преодоления."
                ),
                (
                    "Разрабатывает и использует визуальные расписания, карточки выбора, социальные "
                    "истории и средства альтернативной коммуникации."
                ),
                (
                    "Поддерживает ребёнка в ситуации эмоциональной перегрузки с помощью сенсорных "
                    "приёмов и ко-регуляции."
                ),
            ],
            "en": [
                (
                    "Applies PBIS principles and the ABA elements available to an assistant "
                    "(prompts, fading, modelling)."
                ),
                (
                    "Chooses strategies for preventing challenging behaviour and applies methods "
                    "for overcoming it."
                ),
                (
                    "Designs and uses visual schedules, choice cards, social stories and "
                    "alternative communication tools."
                ),
                (
                    "Supports a child in emotional overload through sensory approaches and "
                    "co-regulation."
                ),
            ],
        },
        "topics": [
            {
                "number": "3.1",
                "kind": "lecture",
                "hours": 2,
                "title": {
                    "kk": "PBIS негіздері: позитивті мінез-құлықты қолдау",
                    "ru": "Основы PBIS: позитивная поддержка поведения",
                    "en": "PBIS basics: positive behaviour support",
                },
                "summary": {
                    "kk": (
                        "Позитивті мінез-құлықты қолдау жүйесінің (PBIS) қағидаттары мен "
                        "деңгейлері. Күтілетін мінез-құлықты нақты айқындау, оны үйрету және "
                        "жағымды күшейту."
                    ),
                    "ru": (
                        "Принципы и уровни системы позитивной поддержки поведения (PBIS). Чёткое "
                        "определение ожидаемого поведения, обучение ему и позитивное подкрепление."
                    ),
                    "en": (
                        "The principles and tiers of positive behavioural interventions and "
                        "supports (PBIS). Defining expected behaviour clearly, teaching it and "
                        "reinforcing it positively."
                    ),
                },
            },
            {
                "number": "3.2",
                "kind": "lecture",
                "hours": 2,
                "title": {
                    "kk": (
                        "Ассистентке қол жетімді ABA элементтері: кеңестер, fading, мінез-құлықты "
                        "модельдеу"
                    ),
                    "ru": (
                        "Элементы ABA, доступные ассистенту: подсказки, fading, моделирование "
                        "поведения"
                    ),
                    "en": (
                        "ABA elements available to an assistant: prompts, fading, behaviour "
                        "modelling"
                    ),
                },
                "summary": {
                    "kk": (
                        "Қолданбалы мінез-құлықты талдаудың (ABA) педагог-ассистентке қолжетімді "
                        "элементтері: кеңестер (prompts), көмекті біртіндеп азайту (fading), "
                        "дифференциалды күшейту және мінез-құлықты модельдеу."
                    ),
                    "ru": (
                        "Доступные педагогу-ассистенту элементы прикладного анализа поведения "
                        "(ABA): подсказки, постепенное снижение помощи (fading), дифференциальное "
                        "подкрепление и моделирование поведения."
                    ),
                    "en": (
                        "The elements of applied behaviour analysis (ABA) that an assistant can "
                        "use: prompts, fading of help, differential reinforcement and behaviour "
                        "modelling."
                    ),
                },
            },
            {
                "number": "3.3",
                "kind": "lecture",
                "hours": 2,
                "title": {
                    "kk": "Жағымсыз мінез-құлықтың алдын алу және жеңу әдістері",
                    "ru": "Методы профилактики и преодоления нежелательного поведения",
                    "en": "Methods of preventing and overcoming challenging behaviour",
                },
                "summary": {
                    "kk": (
                        "Жағымсыз мінез-құлықтың функциялары мен себептері, оның алдын алу "
                        "стратегиялары: кеңістікті құрылымдау, ауысуларды ұйымдастыру, алдын ала "
                        "ескерту. Шиеленісті төмендету және қауіпсіз әрекет ету тәсілдері."
                    ),
                    "ru": (
                        "Функции и причины нежелательного поведения, стратегии его профилактики: "
                        "структурирование пространства, организация переходов, заблаговременное "
                        "предупреждение. Приёмы снижения напряжения и безопасного реагирования."
                    ),
                    "en": (
                        "The functions and causes of challenging behaviour and strategies for "
                        "preventing it: structuring space, organising transitions, advance "
                        "warnings. Techniques for de-escalation and responding safely."
                    ),
                },
            },
            {
                "number": "3.4",
                "kind": "lecture",
                "hours": 2,
                "title": {
                    "kk": "Сенсорлық интеграция: ассистентке қол жетімді тәсілдер",
                    "ru": "Сенсорная интеграция: подходы, доступные ассистенту",
                    "en": "Sensory integration: approaches available to an assistant",
                },
                "summary": {
                    "kk": (
                        "Сенсорлық өңдеу ерекшеліктерінің мінез-құлық пен оқуға әсері. Сабақта "
                        "педагог-ассистент қолдана алатын қарапайым сенсорлық қолдау тәсілдері мен "
                        "ортаны бейімдеу."
                    ),
                    "ru": (
                        "Влияние особенностей сенсорной обработки на поведение и обучение. Простые "
                        "приёмы сенсорной поддержки и адаптации среды, которые педагог-ассистент "
                        "может применять на уроке."
                    ),
                    "en": (
                        "How differences in sensory processing affect behaviour and learning. "
                        "Simple sensory-support techniques and adaptations of the environment that "
                        "an assistant can use in class."
                    ),
                },
            },
            {
                "number": "3.5",
                "kind": "practice",
                "hours": 4,
                "title": {
                    "kk": "Көрнекі құралдар: кестелер, таңдау карталары, әлеуметтік әңгімелер",
                    "ru": "Визуальные средства: расписания, карточки выбора, социальные истории",
                    "en": "Visual tools: schedules, choice cards, social stories",
                },
                "summary": {
                    "kk": (
                        "Визуалды кестелерді, таңдау карталарын, визуалды ережелерді және "
                        "әлеуметтік әңгімелерді әзірлеу мен қолдану. Коммуникацияны қолдау үшін "
                        "PECS элементтері мен визуалды нұсқауларды пайдалану."
                    ),
                    "ru": (
                        "Разработка и применение визуальных расписаний, карточек выбора, "
                        "визуальных правил и социальных историй. Использование элементов PECS и "
                        "визуальных подсказок для поддержки коммуникации."
                    ),
                    "en": (
                        "Making and using visual schedules, choice cards, visual rules and social "
                        "stories. Using PECS elements and visual prompts to support communication."
                    ),
                },
            },
            {
                "number": "3.6",
                "kind": "practice",
                "hours": 4,
                "title": {
                    "kk": "Жүріс-тұрысты қолдау техникасын қолдану тренингі",
                    "ru": "Тренинг применения техник поддержки поведения",
                    "en": "Training: applying behaviour-support techniques",
                },
                "summary": {
                    "kk": (
                        "Рөлдік жағдаяттарда мінез-құлықты қолдау техникаларын жаттықтыру: "
                        "кеңестер беру, күшейту, алдын алу стратегиялары. Тыңдаушылар бір-біріне "
                        "кері байланыс береді."
                    ),
                    "ru": (
                        "Отработка техник поддержки поведения в ролевых ситуациях: подсказки, "
                        "подкрепление, стратегии профилактики. Слушатели дают друг другу обратную "
                        "связь."
                    ),
                    "en": (
                        "Practising behaviour-support techniques in role-play: prompting, "
                        "reinforcement, prevention strategies. Participants give each other "
                        "feedback."
                    ),
                },
            },
            {
                "number": "3.7",
                "kind": "practice",
                "hours": 4,
                "title": {
                    "kk": (
                        "Эмоционалды шамадан тыс жүктеме жағдайларын және ко-регуляция әдістерін "
                        "модельдеу"
                    ),
                    "ru": "Моделирование ситуаций эмоциональной перегрузки и методов ко-регуляции",
                    "en": "Modelling situations of emotional overload and co-regulation methods",
                },
                "summary": {
                    "kk": (
                        "Баланың эмоционалды шамадан тыс жүктеме жағдайларын модельдеу және "
                        "ересектің ко-регуляция тәсілдерін жаттықтыру. Тыныштандыру, қауіпсіз "
                        "кеңістік ұсыну және оқу іс-әрекетіне қайта оралу."
                    ),
                    "ru": (
                        "Моделирование ситуаций эмоциональной перегрузки ребёнка и отработка "
                        "приёмов ко-регуляции со стороны взрослого. Успокоение, предоставление "
                        "безопасного пространства и возвращение к учебной деятельности."
                    ),
                    "en": (
                        "Simulating situations of a child's emotional overload and practising "
                        "co-regulation by the adult. Calming, offering a safe space and returning "
                        "to learning."
                    ),
                },
            },
        ],
    },
    {
        "number": 4,
        "title": {
            "kk": "Оқу қызметін дараландыру және білім алушылардың дербестігін дамыту",
            "ru": "Индивидуализация учебной деятельности и развитие самостоятельности обучающихся",
            "en": "Individualising learning and developing learners' independence",
        },
        "description": {
            "kk": (
                "Бұл модуль педагог-ассистенттердің баланың оқу қызметін қолдау бойынша кәсіби "
                "құзыреттерін дамытуға бағытталған. Оқу материалдары мен нұсқаулықтарды бейімдеу "
                "әдістері, білім алушының мүмкіндіктері мен жеке қажеттіліктерін ескере отырып "
                "тапсырмаларды орындауға қолайлы жағдайлар жасау жолдары талданады. Біртіндеп "
                "оқытудың заманауи әдістері (task analysis, қателіксіз оқыту), нұсқаулар "
                "иерархиясы, көмекті біртіндеп азайту (fading) және өзін-өзі реттеу дағдыларын "
                "қалыптастыру тәсілдері қолданылады. Қатысушылар зейінді және оқу мотивациясын "
                "қолдау әдістерін, таймерлерді, еске салу карталарын, чек-парақтарды және білім "
                "алушының оқу үдерісіне белсенді қатысуын әрі алға ілгерілеуін қамтамасыз ететін "
                "өзге де визуалды құралдарды пайдалануды меңгереді. Модуль педагог-ассистенттердің "
                "білім алушының оқу дербестігін жүйелі түрде қолдау, сондай-ақ оның "
                "жауапкершілігін біртіндеп арттыруға бағытталған кәсіби дағдыларын қалыптастыруға "
                "ықпал етеді."
            ),
            "ru": (
                "Модуль направлен на развитие профессиональных компетенций педагогов-ассистентов "
                "по поддержке учебной деятельности ребёнка. Анализируются методы адаптации учебных "
                "материалов и инструкций, способы создания благоприятных условий для выполнения "
                "заданий с учётом возможностей и индивидуальных потребностей обучающегося. "
                "Применяются современные методы пошагового обучения (task analysis, безошибочное "
                "обучение), иерархия подсказок, постепенное снижение помощи (fading) и приёмы "
                "формирования навыков саморегуляции. Участники осваивают методы поддержки внимания "
                "и учебной мотивации, использование таймеров, карточек-напоминаний, чек-листов и "
                "других визуальных средств, обеспечивающих активное участие обучающегося в учебном "
                "процессе и его продвижение. Модуль способствует формированию у "
                "педагогов-ассистентов профессиональных навыков, направленных на систематическую "
                "поддержку учебной самостоятельности обучающегося и постепенное повышение его "
                "ответственности."
            ),
            "en": (
                "The module develops pedagogue-assistants' professional competences in supporting "
                "a child's learning activity. It analyses methods of adapting learning materials "
                "and instructions and ways of creating favourable conditions for completing tasks, "
                "taking into account the learner's abilities and individual needs. Modern "
                "step-by-step teaching methods (task analysis, errorless learning), the prompt "
                "hierarchy, gradual reduction of help (fading) and techniques for building "
                "self-regulation skills are applied. Participants learn methods of supporting "
                "attention and learning motivation and the use of timers, reminder cards, "
                "checklists and other visual tools that secure the learner's active participation "
                "in learning and their progress. The module helps assistants build professional "
                "skills aimed at systematically supporting the learner's independence in learning "
                "and gradually increasing their responsibility."
            ),
        },
        "outcomes": {
            "kk": [
                (
                    "Оқу тапсырмаларын, нұсқаулықтар мен материалдарды білім алушының "
                    "мүмкіндіктеріне бейімдейді."
                ),
                "Task analysis және қатесіз оқыту негізінде кезең-кезеңмен оқытуды ұйымдастырады.",
                (
                    "Зейінді, мотивацияны және өзін-өзі реттеуді таймерлер, чек-парақтар және "
                    "визуалды кеңестер арқылы қолдайды."
                ),
                (
                    "Сырттан көмекті біртіндеп азайтып (fading), білім алушының оқу дербестігін "
                    "қалыптастырады."
                ),
            ],
            "ru": [
                "Адаптирует учебные задания, инструкции и материалы к возможностям обучающегося.",
                "Организует пошаговое обучение на основе task analysis и безошибочного обучения.",
                (
                    "Поддерживает внимание, мотивацию и саморегуляцию с помощью таймеров, "
                    "чек-листов и визуальных подсказок."
                ),
                (
                    "Постепенно снижает внешнюю помощь (fading) и формирует учебную "
                    "самостоятельность обучающегося."
                ),
            ],
            "en": [
                "Adapts learning tasks, instructions and materials to the learner's abilities.",
                "Organises step-by-step teaching based on task analysis and errorless learning.",
                (
                    "Supports attention, motivation and self-regulation with timers, checklists "
                    "and visual prompts."
                ),
                "Gradually fades outside help and builds the learner's independence in learning.",
            ],
        },
        "topics": [
            {
                "number": "4.1",
                "kind": "lecture",
                "hours": 2,
                "title": {
                    "kk": "Оқу тапсырмалары мен материалдарды бейімдеу",
                    "ru": "Адаптация учебных заданий и материалов",
                    "en": "Adapting learning tasks and materials",
                },
                "summary": {
                    "kk": (
                        "Оқу тапсырмаларын, нұсқаулықтар мен материалдарды бейімдеу тәсілдері: "
                        "көлемін, күрделілігін, ұсыну формасын және орындау уақытын өзгерту. "
                        "Бейімдеуді мұғаліммен бірге жоспарлау."
                    ),
                    "ru": (
                        "Способы адаптации учебных заданий, инструкций и материалов: изменение "
                        "объёма, сложности, формы подачи и времени выполнения. Планирование "
                        "адаптации совместно с учителем."
                    ),
                    "en": (
                        "Ways of adapting learning tasks, instructions and materials: changing "
                        "their volume, difficulty, form of presentation and time allowed. Planning "
                        "adaptations together with the teacher."
                    ),
                },
            },
            {
                "number": "4.2",
                "kind": "lecture",
                "hours": 2,
                "title": {
                    "kk": "Қадамдап оқыту (task analysis), қатесіз оқыту",
                    "ru": "Пошаговое обучение (task analysis), безошибочное обучение",
                    "en": "Step-by-step teaching (task analysis), errorless learning",
                },
                "summary": {
                    "kk": (
                        "Күрделі дағдыны шағын қадамдарға бөлу (task analysis) және оны қадамдап "
                        "үйрету. Қатесіз оқыту қағидаттары және нұсқаулар иерархиясы."
                    ),
                    "ru": (
                        "Разбиение сложного навыка на небольшие шаги (task analysis) и пошаговое "
                        "обучение. Принципы безошибочного обучения и иерархия подсказок."
                    ),
                    "en": (
                        "Breaking a complex skill into small steps (task analysis) and teaching it "
                        "step by step. The principles of errorless learning and the prompt "
                        "hierarchy."
                    ),
                },
            },
            {
                "number": "4.3",
                "kind": "lecture",
                "hours": 2,
                "title": {
                    "kk": "Мотивацияны және өзін-өзі реттеуді, зейінді арттыру әдістері",
                    "ru": "Методы повышения мотивации, саморегуляции и внимания",
                    "en": "Methods for increasing motivation, self-regulation and attention",
                },
                "summary": {
                    "kk": (
                        "Білім алушының оқу мотивациясын, зейінін және өзін-өзі реттеуін қолдау "
                        "әдістері. Күшейту жүйелері, таңдау мүмкіндігі, жұмыс пен демалысты "
                        "кезектестіру."
                    ),
                    "ru": (
                        "Методы поддержки учебной мотивации, внимания и саморегуляции "
                        "обучающегося. Системы подкрепления, возможность выбора, чередование "
                        "работы и отдыха."
                    ),
                    "en": (
                        "Methods of supporting a learner's motivation, attention and "
                        "self-regulation. Reinforcement systems, offering choice and alternating "
                        "work with breaks."
                    ),
                },
            },
            {
                "number": "4.4",
                "kind": "practice",
                "hours": 4,
                "title": {
                    "kk": "Таймерлерді, чек-парақтарды, визуалды кеңестерді қолдану",
                    "ru": "Использование таймеров, чек-листов, визуальных подсказок",
                    "en": "Using timers, checklists and visual prompts",
                },
                "summary": {
                    "kk": (
                        "Таймерлерді, чек-парақтарды, еске салу карталарын және визуалды "
                        "кеңестерді сабақта қолдануды жаттықтыру. Баланың қажеттіліктеріне сай "
                        "құралды таңдау."
                    ),
                    "ru": (
                        "Отработка использования на уроке таймеров, чек-листов, "
                        "карточек-напоминаний и визуальных подсказок. Подбор инструмента под "
                        "потребности ребёнка."
                    ),
                    "en": (
                        "Practising the use of timers, checklists, reminder cards and visual "
                        "prompts in lessons. Choosing the right tool for a child's needs."
                    ),
                },
            },
            {
                "number": "4.5",
                "kind": "practice",
                "hours": 4,
                "title": {
                    "kk": "Білім алушыларға бейімделген дербес оқу тапсырмаларын әзірлеу",
                    "ru": (
                        "Разработка адаптированных самостоятельных учебных заданий для обучающихся"
                    ),
                    "en": "Designing adapted independent learning tasks for learners",
                },
                "summary": {
                    "kk": (
                        "Нақты білім алушының мүмкіндіктеріне бейімделген, өз бетімен орындалатын "
                        "оқу тапсырмаларын әзірлеу. Тапсырмаларды топта талдау және жетілдіру."
                    ),
                    "ru": (
                        "Разработка учебных заданий для самостоятельного выполнения, "
                        "адаптированных к возможностям конкретного обучающегося. Анализ и "
                        "доработка заданий в группе."
                    ),
                    "en": (
                        "Designing learning tasks that a specific learner can do on their own, "
                        "adapted to their abilities. Reviewing and improving the tasks in the "
                        "group."
                    ),
                },
            },
            {
                "number": "4.6",
                "kind": "practice",
                "hours": 6,
                "title": {
                    "kk": (
                        "Практикум: дербестікті қалыптастыру және сырттан көмектің төмендеуі "
                        "(fading)"
                    ),
                    "ru": (
                        "Практикум: формирование самостоятельности и снижение внешней помощи "
                        "(fading)"
                    ),
                    "en": "Workshop: building independence and fading outside help",
                },
                "summary": {
                    "kk": (
                        "Сырттан көрсетілетін көмекті жоспарлы түрде азайту (fading) және баланың "
                        "дербестігін кезең-кезеңмен қалыптастыру практикумы. Шамадан тыс көмек "
                        "дербестікке кедергі болатын жағдайларды талдау."
                    ),
                    "ru": (
                        "Практикум по планомерному снижению внешней помощи (fading) и поэтапному "
                        "формированию самостоятельности ребёнка. Анализ ситуаций, когда избыточная "
                        "помощь мешает самостоятельности."
                    ),
                    "en": (
                        "Workshop on planned fading of outside help and building a child's "
                        "independence step by step. Analysing situations where too much help gets "
                        "in the way of independence."
                    ),
                },
            },
        ],
    },
    {
        "number": 5,
        "title": {
            "kk": "Практикаға бағытталған блок: кейстер, тренингтер, жағдаяттық тапсырмалар",
            "ru": "Практико-ориентированный блок: кейсы, тренинги, ситуационные задачи",
            "en": "Practice-oriented block: cases, trainings, situational tasks",
        },
        "description": {
            "kk": (
                "Қорытынды модуль алынған білімді практикалық қызметке көшіруді қамтамасыз етеді. "
                "Модуль аясында қатысушылар нақты мектептік кейстерді талдайды, жағдаяттық "
                "тапсырмаларды шешеді, сабақ барысында баланы қолдау үдерісін модельдейді, "
                "мінез-құлық пен оқу қызметін қолдаудың заманауи құралдарын қолдану дағдыларын "
                "пысықтайды. Практикалық бөлім белгілі бір білім алушыға арналған жеке қолдау "
                "жоспарын әзірлеуді, жүйелі бақылау жүргізуді, даму динамикасын тіркеуді және "
                "қорытынды жұмысты ұсынуды қамтиды. Модуль рефлексиялық дағдыларды дамытуға, "
                "заманауи тәсілдерді нақты мектеп жағдайына және жеке білім алушының "
                "ерекшеліктеріне бейімдеу қабілетін қалыптастыруға, сондай-ақ педагогтермен және "
                "психологиялық-педагогикалық қолдау қызметі (ППҚҚ) мамандарымен кәсіби өзара "
                "әрекеттестікті жетілдіруге бағытталған."
            ),
            "ru": (
                "Итоговый модуль обеспечивает перенос полученных знаний в практическую "
                "деятельность. В рамках модуля участники анализируют реальные школьные кейсы, "
                "решают ситуационные задачи, моделируют процесс поддержки ребёнка на уроке, "
                "отрабатывают навыки применения современных инструментов поддержки поведения и "
                "учебной деятельности. Практическая часть включает разработку индивидуального "
                "плана поддержки для конкретного обучающегося, ведение систематического "
                "наблюдения, фиксацию динамики развития и представление итоговой работы. Модуль "
                "направлен на развитие рефлексивных навыков, формирование умения адаптировать "
                "современные подходы к реальным условиям школы и особенностям конкретного "
                "обучающегося, а также на совершенствование профессионального взаимодействия с "
                "педагогами и специалистами службы психолого-педагогического сопровождения (СППС)."
            ),
            "en": (
                "The final module secures the transfer of the acquired knowledge into practice. "
                "Participants analyse real school cases, solve situational tasks, model the "
                "process of supporting a child during a lesson and practise using modern tools for "
                "supporting behaviour and learning. The practical part includes developing an "
                "individual support plan for a specific learner, keeping systematic observations, "
                "recording developmental progress and presenting the final work. The module "
                "develops reflective skills and the ability to adapt modern approaches to real "
                "school conditions and to the characteristics of an individual learner, and "
                "improves professional cooperation with teachers and specialists of the "
                "psychological and pedagogical support service."
            ),
        },
        "outcomes": {
            "kk": [
                (
                    "ЕББҚ бар балаларды қолдаудың нақты мектептік кейстерін талдап, кәсіби шешім "
                    "ұсынады."
                ),
                "Сабақ барысында баланы қолдауды модельдеп, заманауи құралдарды орынды қолданады.",
                "Белгілі бір білім алушыға арналған жеке қолдау жоспарын әзірлеп, оны қорғайды.",
                (
                    "Өз кәсіби қызметіне рефлексия жасап, педагогтермен және ППҚҚ мамандарымен "
                    "өзара әрекеттестікті жетілдіреді."
                ),
            ],
            "ru": [
                (
                    "Анализирует реальные школьные кейсы сопровождения детей с ООП и предлагает "
                    "профессиональные решения."
                ),
                "Моделирует поддержку ребёнка на уроке, уместно применяя современные инструменты.",
                (
                    "Разрабатывает индивидуальный план поддержки для конкретного обучающегося и "
                    "защищает его."
                ),
                (
                    "Рефлексирует собственную профессиональную деятельность и совершенствует "
                    "взаимодействие с педагогами и специалистами СППС."
                ),
            ],
            "en": [
                (
                    "Analyses real school cases of supporting children with SEN and proposes "
                    "professional solutions."
                ),
                "Models support for a child during a lesson, using modern tools appropriately.",
                "Develops an individual support plan for a specific learner and defends it.",
                (
                    "Reflects on their own professional practice and improves cooperation with "
                    "teachers and support-service specialists."
                ),
            ],
        },
        "topics": [
            {
                "number": "5.1",
                "kind": "practice",
                "hours": 3,
                "title": {
                    "kk": "Ерекше білім беру қажеттілігі бар балаларды қолдау кейстерін талдау",
                    "ru": (
                        "Анализ кейсов сопровождения детей с особыми образовательными потребностями"
                    ),
                    "en": "Analysing cases of supporting children with special educational needs",
                },
                "summary": {
                    "kk": (
                        "ЕББҚ бар балаларды қолдаудың нақты мектептік кейстерін кешенді талдау. "
                        "Қажеттіліктерді анықтау, қолдау құралдарын таңдау және шешімдерді "
                        "негіздеу."
                    ),
                    "ru": (
                        "Комплексный анализ реальных школьных кейсов сопровождения детей с ООП. "
                        "Определение потребностей, выбор инструментов поддержки и обоснование "
                        "решений."
                    ),
                    "en": (
                        "Comprehensive analysis of real school cases of supporting children with "
                        "SEN. Identifying needs, choosing support tools and justifying decisions."
                    ),
                },
            },
            {
                "number": "5.2",
                "kind": "practice",
                "hours": 3,
                "title": {
                    "kk": "Сабақта баланы колдауды модельдеу",
                    "ru": "Моделирование поддержки ребёнка на уроке",
                    "en": "Modelling support for a child during a lesson",
                },
                "summary": {
                    "kk": (
                        "Сабақ фрагментін модельдеу: педагог-ассистент мұғаліммен бірлесіп баланың "
                        "сабаққа қатысуын қолдайды. Мінез-құлық пен оқу қызметін қолдау құралдарын "
                        "кешенді қолдану."
                    ),
                    "ru": (
                        "Моделирование фрагмента урока, на котором педагог-ассистент совместно с "
                        "учителем поддерживает участие ребёнка в уроке. Комплексное применение "
                        "инструментов поддержки поведения и учебной деятельности."
                    ),
                    "en": (
                        "Simulating part of a lesson in which the assistant works with the teacher "
                        "to support the child's participation. Using behaviour- and "
                        "learning-support tools together."
                    ),
                },
            },
            {
                "number": "5.3",
                "kind": "practice",
                "hours": 2,
                "title": {
                    "kk": "Қортынды жұмысты қорғауға даярлау (қолдаудың жеке жоспары)",
                    "ru": "Подготовка к защите итоговой работы (индивидуальный план поддержки)",
                    "en": "Preparing the defence of the final work (individual support plan)",
                },
                "summary": {
                    "kk": (
                        "Қорытынды жұмысты – белгілі бір білім алушыға арналған жеке қолдау "
                        "жоспарын рәсімдеу және оны қорғауға дайындалу. Қажеттіліктерді талдау мен "
                        "таңдалған құралдардың негіздемесін таныстыру."
                    ),
                    "ru": (
                        "Оформление итоговой работы – индивидуального плана поддержки конкретного "
                        "обучающегося – и подготовка к её защите. Представление анализа "
                        "потребностей и обоснования выбранных инструментов."
                    ),
                    "en": (
                        "Finalising the final work, an individual support plan for a specific "
                        "learner, and preparing to defend it. Presenting the needs analysis and "
                        "the justification of the chosen tools."
                    ),
                },
            },
        ],
    },
]


def approved_outcomes() -> list[dict]:
    """The 16 approved outcomes, in order: {"group": "knows" | "can" | "skills", "number" (1-16),
    "kk", "ru", "en"}. Kazakh is the approved wording; Russian and English are translations."""
    rows = []
    for group in PROGRAMME["outcomes"]["groups"]:
        items = group["items"]
        for kk, ru, en in zip(items["kk"], items["ru"], items["en"], strict=True):
            rows.append(
                {"group": group["group"], "number": len(rows) + 1, "kk": kk, "ru": ru, "en": en}
            )
    return rows
