// Every test speaks both languages at once, as the background does (pages load theirs by area: lib/i18n/areas.ts).
import '../../lib/i18n/all.ts';
