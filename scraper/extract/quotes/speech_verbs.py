"""Speech verbs, one table per language, and the verb pattern the quote modules share.

A speech verb makes its subject the speaker of the quotation it introduces or follows: "said", "a
déclaré", "sagte", "dijo". Also verbs that quote without being speech verbs in the strict sense
("described", "wrote", "tweeted", "posted", "put it"), sources cited with "according to" / "selon" /
"laut" (SOURCE_VERBS), and participles of speech verbs that hand the quote to the sentence's subject
('X quit, telling supporters, "..."': PARTICIPLES).
"""

from __future__ import annotations

import re

from scraper.extract.word_patterns import first_chars, trie_pattern

EN_VERBS = (
    "said|says|say|told|tells|tell|added|adds|asked|asks|explained|explains|noted|notes|wrote|writes|"
    "stated|states|declared|declares|insisted|insists|argued|argues|claimed|claims|warned|warns|continued|"
    "continues|replied|responded|recalled|recalls|acknowledged|acknowledges|admitted|admits|conceded|"
    "confirmed|confirms|announced|announces|suggested|suggests|observed|remarked|stressed|stresses|"
    "emphasi[sz]ed|emphasi[sz]es|pointed out|posted|tweeted|testified|cautioned|predicted|concluded|"
    "described|describes|called|calls|urged|urges|complained|joked|quipped|shouted|reiterated|maintained|"
    "contended|countered|agreed|revealed|recalled|fumed|blasted|slammed|hit back|hits back|fired back|"
    "fires back|shot back|shoots back|chimed in|went on|goes on|reported|"
    "reports|wrote|believes|believed|thinks|thought|predicts|estimated|estimates|observes|concedes|"
    "cautions|concludes|reveals|reiterates|complains|testifies|remembers|remembered|recounts|recounted|"
    "laments|lamented|muses|mused|elaborates|elaborated|comments|commented|replies|snaps|snapped|"
    "recalled|writes|answered|answers|adds|proclaimed|proclaims|boasted|boasts|bragged|brags|exclaimed|"
    "whispered|yelled|pleaded|retorted|interjected|assured|assures|vowed|vows|pledged|pledges|promised|"
    "promises|muttered|mutters|mumbled|scolded|scolds|scoffed|scoffs|screamed|sighed|chided|"
    "chides|griped|grumbled|marveled|marvelled|demanded|barked|quips|retorts|interjects|"
    "exclaims|instructed|instructs|"
    "had written|has written|have written"  # (the perfect of an irregular verb: 'Lorenz had written, "..."')
)
DE_VERBS = (
    # ("zufolge", a source's postposition, stands after its source as a verb after its subject: "Dem
    # Umweltbundesamt zufolge „...“"; a source verb, as "laut" is)
    "zufolge|"
    "sagte|sagt|sagten|erklärte|erklärt|betonte|betont|meinte|meint|schrieb|warnte|ergänzte|fügte hinzu|"
    "schreibt|warnt|ergänzt|kritisierte|kritisiert|forderte|fordert|mahnte|mahnt|versicherte|versichert|"
    "bekräftigte|unterstrich|antwortete|erwiderte|fragte|räumte ein|stellte klar|betonten|erklärten|"
    # (verbs that put words in quotes in narration: 'X sprach von einem „...“', 'X nannte das Paket „...“',
    # 'X würdigte den Film als „...“', 'X lobte einen „...“', 'X warf der Verwaltung vor, „...“')
    "sprach|spricht|sprachen|nannte|nennt|nannten|würdigte|würdigt|lobte|lobt|bezeichnete|bezeichnet|"
    "warf|rief|erzählte|erzählt|berichtete|verteidigte|begrüßte|beklagte|bemängelte|kommentierte|"
    # (a judge's or a critic's verdict, and the perfect's participle: 'befand die Richterin', 'X hatte
    # gewarnt, die Lausitz dürfe nicht „...“', 'X hat betont, ...')
    "befand|befindet|urteilte|gesagt|erklärt|betont|gewarnt|gefordert|gemahnt|bekräftigt|versichert|"
    "stammelt|stammelte|"
    # (a reply, a complaint, an admission, a confirmation: 'entgegnete der Grüne X', 'klagt X',
    # 'gestand sie', 'bestätigte ein Sprecher', 'resümierte X')
    "entgegnete|entgegnet|klagte|klagt|schimpfte|schimpft|gestand|gesteht|bestätigte|bestätigt|"
    "verkündete|verkündet|beteuerte|beteuert|resümierte|bilanzierte|jubelte|jubelt|"
    "appellierte|appelliert|plädierte|plädiert"  # (an appeal: 'appellierte an beide Seiten, „...“')
)
FR_VERBS = (
    "a déclaré|a dit|a expliqué|a affirmé|a ajouté|a souligné|a indiqué|a estimé|a assuré|a précisé|a confié|"
    "a lancé|ont déclaré|ont dit|déclare|explique|affirme|ajoute|souligne|indique|estime|assure|précise|dit|"
    "confie|raconte|juge|jugent|a jugé|a prévenu|prévient|a martelé|martèle|a insisté|insiste|a regretté|"
    "regrette|a dénoncé|dénonce|a reconnu|reconnaît|a rappelé|a répondu|a averti|avertit|a réagi|"
    "a poursuivi|a annoncé|a écrit|a tweeté|a commenté|a résumé|a déploré|déplore|a critiqué|a fustigé|"
    "fustige|a plaidé|ont estimé|ont affirmé|ont expliqué|ont indiqué|ont assuré|ont souligné|"
    # (the present and imperfect of reportage, the pluperfect, and verbs that put words in quotes in
    # narration: 'soupire X', 'savourait l'entraîneur X', 'X avait rappelé que « ... »', 'X a salué « ... »',
    # 'X a qualifié le moratoire d'« ... »', 'X parle d'« ... »', 'X s'est dite « ... »')
    "soupire|a soupiré|savoure|savourait|racontait|expliquait|confiait|ajoutait|prévenait|lâche|a lâché|"
    "glisse|a glissé|tranche|a tranché|rétorque|a rétorqué|plaide|interroge|a interrogé|poursuit|conclut|"
    "avait rappelé|avait déclaré|avait dit|avait affirmé|avait estimé|avait averti|rappelle|a raconté|"
    "a salué|salue|ont salué|a appelé|appelle|a qualifié|qualifie|a évoqué|évoque|parle|a parlé|promet|"
    "a promis|a défendu|défend|"
    # (more verbs of reportage, present and imperfect: 'résume X', 'soupirait Nadia', 'sourit X',
    # 'soutient X', 'tempère X')
    "résume|résumait|soupirait|sourit|souriait|soutient|soutenait|tempère|tempérait|nuance|ironise|"
    "détaille|renchérit|observe|relève|constate|avoue|a avoué|lançait|glissait|lâchait|déplorait|"
    "regrettait|estimait|assurait|affirmait|soulignait|insistait|martelait|reconnaissait|disait|"
    "y voit|y a vu|"  # (a view: 'X y voit « la confirmation que ... »')
    "s'est dit|s'est dite|s’est dit|s’est dite|se dit|s'est félicité|s'est félicitée|s’est félicité|"
    "s’est félicitée|se félicite|s'est réjoui|s'est réjouie|s’est réjoui|s’est réjouie|se réjouit|"
    "s'est indigné|s'est indignée|s’est indigné|s’est indignée|s'indigne|s’indigne|"
    # (a witness's account, a reply, an admission, an outburst: 'témoigne X, habitant de ...',
    # 'réplique X', 'concède l'entraîneur', 'a admis X', 's'agace X', 'lance X')
    "témoigne|a témoigné|témoignait|réplique|a répliqué|répliquait|concède|a concédé|admet|a admis|"
    "a noté|a remarqué|a tonné|a asséné|assène|enchaîne|a enchaîné|raille|a raillé|a ironisé|lance|"
    "répond|a soufflé|a demandé|a conclu|a analysé|a nuancé|a détaillé|a relevé|a observé|a constaté|"
    "a tempéré|a renchéri|"
    # (an argument put forward, a grumble: 'a fait valoir l'association', 'peste Rayan, 19 ans')
    "a fait valoir|fait valoir|faisait valoir|ont fait valoir|peste|a pesté|pestait|"
    "commente|commentait|"  # (a comment: 'commente l'hydrologue, qui dit ...')
    "s'est inquiété|s'est inquiétée|s’est inquiété|s’est inquiétée|s'inquiétait|s’inquiétait|"
    "s'agace|s’agace|s'emporte|s’emporte|s'inquiète|s’inquiète|s'interroge|s’interroge"
)
# French verbs that are also nouns ("la demande", "le souffle", "l'analyse"): speech verbs only right
# after a quotation, before their subject ('« ... ? » demande une cliente', '— ..., souffle le quincaillier').
FR_INCISE_VERBS = "demande|demandait|souffle|soufflait|analyse"
ES_VERBS = (
    "dijo|afirmó|explicó|declaró|aseguró|señaló|añadió|agregó|indicó|sostuvo|advirtió|dice|afirma|explica|"
    "asegura|señala|ha dicho|ha afirmado|ha explicado|ha señalado"
)
# Portuguese and Czech: the same structures ('"...", disse Tite', '"...," řekl Rice', '"...," tvrdí X').
PT_VERBS = (
    "disse|afirmou|explicou|declarou|contou|acrescentou|ressaltou|destacou|falou|comentou|completou|"
    "afirma|diz|explica|ressalta|destaca|acrescenta"
)
CS_VERBS = (
    "řekl|řekla|řekli|říká|říkají|uvedl|uvedla|uvedli|dodal|dodala|dodává|napsal|napsala|píše|tvrdí|tvrdil|"
    "tvrdila|zdůraznil|zdůraznila|zdůrazňuje|prohlásil|prohlásila|vysvětlil|vysvětlila|vysvětluje|upozornil|"
    "upozornila|upozorňuje|míní|hodnotí|přirovnává|poznamenal|poznamenala|konstatoval|konstatovala|"
    "odpověděl|odpověděla|přidává se"
)
_ALL_VERBS = f"{EN_VERBS}|{DE_VERBS}|{FR_VERBS}|{ES_VERBS}|{PT_VERBS}|{CS_VERBS}"
_VERB_LIST = _ALL_VERBS.replace("emphasi[sz]", "emphasis").split("|")
VERB_WORDS = [*_VERB_LIST, *(v.replace("emphasis", "emphasiz") for v in _VERB_LIST if "emphasis" in v)]
# "As one principal put it, ..." (only before punctuation: "put it on hold" is no speech), also with
# where it was said: "As Clinton put it at the debate, ...", "as he put it in an interview with CNN:".
_PUT_IT = (
    r"puts? it(?:\s+\w+ly)?(?:\s+(?:at|in|on|during)\s+(?:the|an?|his|her|their)(?:\s+[\w-]+){1,2}"
    r"(?:\s+with(?:\s+[A-Z][\w’'-]*){1,3})?)?(?=\s*(?:[,:;.!?—–]|$))"
)
# A French compound tense with an adverb between the auxiliary and the participle ("X a toutefois prévenu
# que « ... »", "a de son côté estimé", "a pour sa part jugé"): the same speech verb.
_FR_PARTICIPLES = sorted({v.split(" ", 1)[1] for v in FR_VERBS.split("|") if v.startswith(("a ", "ont "))})
_FR_INSERTS = (
    "toutefois|aussi|également|ensuite|encore|alors|pourtant|néanmoins|cependant|d'ailleurs|d’ailleurs|"
    "de son côté|de leur côté|pour sa part|pour leur part|de nouveau|déjà|enfin|immédiatement|aussitôt|"
    "quant à lui|quant à elle|d'abord|d’abord|notamment|surtout|simplement|clairement"
)
_FR_ADVERBED = rf"(?:a|ont)\s+(?:{_FR_INSERTS})\s+(?:{trie_pattern(_FR_PARTICIPLES)})"
VERBS = f"{trie_pattern(VERB_WORDS)}|{_PUT_IT}|{_FR_ADVERBED}"
# Verbs that name what a thing is ('"honest" describes Harris better', 'X called it "a sham"'): after a
# closing mark their subject is the quotation itself, never an inverted speaker ('"...," said X' is).
NAMING_VERBS = frozenset({"describes", "described", "calls", "called"})
# Nouns for what someone said in reply ('"...," was X’s reply', 'X’s response to critics: "..."').
RESPONSE_NOUNS = (
    "response|reply|answer|verdict|assessment|description|retort|reaction|message|warning|summary|advice"
)
# Verbs that cite a publication or document rather than a person speaking.
SOURCE_VERBS = frozenset(
    {"reported", "reports", "according to", "selon", "según", "laut", "d'après", "d’après", "zufolge"}
)
# Sources in any case ("According to"), each first letter a plain class, so that most words fail it
# before the case-insensitive branch is entered (ſ, the long s, is a case-insensitive s).
_CITED = r"[Aa](?i:ccording to)|[Ssſ](?i:elon|egún)|[Ll]aut|[Dd][’'](?i:après)"
# Not after an elided pronoun (French "s’explique" is "is explained") nor in a compound ("so-called").
# (The lookahead on first characters only skips positions where no match can start. It holds them as
# the alternatives match them, case and all (_CITED's capitals too), and goes first: one class test
# rejects most positions, capitals and those inside a word alike, before the word boundary's.)
_CITED_STARTS = ["According", "according", "Selon", "selon", "ſelon", "Laut", "laut"]
_CITED_STARTS += ["D’après", "d’après", "D'après", "d'après"]
_VERB_START = first_chars([*VERB_WORDS, "put it", *_CITED_STARTS])
# Nor before a hyphen: a French inversion ("raconte-t-elle", "dit-il") has its pronoun subject after it,
# read by the after-quote patterns; in narration it is no verb whose subject stands before it.
VERB = re.compile(rf"(?={_VERB_START})\b(?<![’'\-])(?P<verb>{VERBS}|{_CITED})\b(?!-)")
# A speech verb's form after a determiner is an adjective or a noun ("this stated animosity", "the
# reported deal", "the comments I get"): no subject of its own to attribute a quotation to. So is one
# after a preposition no verb follows ("asked about comments from X", "in light of claims").
AFTER_DETERMINER = re.compile(
    r"\b(?:[Tt]he|[Tt]his|[Tt]hese|[Tt]hose|his|its|their|an?|about|of|over|amid)\s+$"
)
# Auxiliaries and time adverbs between a subject and its speech verb: "X has said", "X would later say".
AUXILIARY_WORDS = "has|have|had|would|will|could|also|later|once|often|since|long|previously|then"
_AUXILIARY_LIST = AUXILIARY_WORDS.split("|")
# (a first-character test, then the words as a trie: tried at every word of a speaker phrase)
AUXILIARY = rf"(?:(?={first_chars(_AUXILIARY_LIST)}){trie_pattern(_AUXILIARY_LIST)}\s+){{0,2}}"
# Participles of speech verbs opening a clause of the main one ('X rejects them, declaring that "..."').
PARTICIPLES = (
    "saying|telling|adding|declaring|insisting|noting|arguing|explaining|stating|warning|writing|vowing|"
    "promising|pledging|urging|asking|claiming|suggesting|announcing|acknowledging|admitting|recalling|"
    "joking|quipping|responding|replying|stressing|complaining|predicting|tweeting|posting|conceding"
)
