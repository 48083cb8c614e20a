/**
 * The starter spec in other languages than English (`synthnlu init --language es`): the same bot, written as
 * people write in that language, with the comments in it too. Keys stay English (they are the spec's syntax).
 */

/** Comments and text of one language's starter spec; the export hint line is added by starterSpec(). */
export const STARTER_SPEC_BODIES: Readonly<Record<string, {header: string; body: string}>> = {
  es: {
    header: `# Especificación de synthnlu: describe tus intenciones y entidades; synthnlu genera datos de entrenamiento variados y anotados.
# Validar:   synthnlu validate synthnlu.yaml
# Generar:   synthnlu generate synthnlu.yaml --out out/data.jsonl --per-intent 50 --seed 1`,
    body: `language: es
name: mi-asistente

# Ajustes para todas las intenciones (cada intención puede cambiarlos).
defaults:
  count: 50 # frases por intención, contando los ejemplos
  split: 0.8 # parte para entrenar; el resto se reserva para las pruebas
  variations: # parte de las frases a la que se aplica cada familia de variación
    polite: 0.2
    colloquial: 0.2
    typos: 0.1

# Alternativas con nombre, que se usan como <nombre> dentro de los ejemplos.
aliases:
  pedido:
    - pedido
    - envío
    - text: paquete
      weight: 0.5 # sale la mitad de veces

entities:
  # Una entidad de lista: los valores canónicos y los sinónimos que dice la gente.
  - name: tipo_cuenta
    type: list
    values:
      - value: premium
        synonyms: [oro, pro]
      - value: estándar
        synonyms: [básica, gratuita]
  # Una entidad regex: los valores se generan a partir del patrón.
  - name: numero_pedido
    type: regex
    pattern: '[0-9]{6}'

# Sintaxis de los ejemplos: (a|b) alternativas, [palabras] opcionales, {entidad} huecos, <alias> referencias.
intents:
  - name: seguir_pedido
    examples:
      - dónde está mi <pedido> {numero_pedido}
      - (quiero seguir|necesito localizar) mi <pedido> [más reciente]
      - ya han enviado mi pedido

  - name: cancelar_pedido
    examples:
      - quiero cancelar mi <pedido> {numero_pedido}
      - cómo cancelo la compra que hice
      - (cancela|anula) el pedido {numero_pedido}

  - name: mejorar_cuenta
    examples:
      - cambia mi cuenta a la cuenta {tipo_cuenta}
      - quiero una cuenta {tipo_cuenta}
      - cómo me paso a la cuenta {tipo_cuenta}
`,
  },
  de: {
    header: `# synthnlu-Spezifikation: Beschreiben Sie Ihre Intents und Entitäten; synthnlu erzeugt daraus abwechslungsreiche, annotierte Trainingsdaten.
# Prüfen:     synthnlu validate synthnlu.yaml
# Erzeugen:   synthnlu generate synthnlu.yaml --out out/data.jsonl --per-intent 50 --seed 1`,
    body: `language: de
name: mein-assistent

# Einstellungen für alle Intents (jeder Intent kann sie überschreiben).
defaults:
  count: 50 # Äußerungen pro Intent, Beispiele mitgezählt
  split: 0.8 # Anteil fürs Training; der Rest bleibt für den Test zurück
  variations: # Anteil der Äußerungen, auf den jede Variationsfamilie angewendet wird
    polite: 0.2
    colloquial: 0.2
    typos: 0.1

# Benannte Alternativen, in Beispielen als <name> verwendet.
aliases:
  bestellung:
    - Bestellung
    - Lieferung
    - text: Sendung
      weight: 0.5 # wird halb so oft gewählt

entities:
  # Eine Listen-Entität: kanonische Werte und die Synonyme, die Nutzer sagen.
  - name: tarif
    type: list
    values:
      - value: Premium
        synonyms: [Gold, Pro]
      - value: Standard
        synonyms: [Basis, Basic]
  # Eine Regex-Entität: die Werte werden aus dem Muster erzeugt.
  - name: bestellnummer
    type: regex
    pattern: '[0-9]{6}'

# Syntax in Beispielen: (a|b) Alternativen, [optionale] Wörter, {Entität} als Platzhalter, <Alias> als Verweis.
intents:
  - name: bestellung_verfolgen
    examples:
      - wo ist meine <bestellung> {bestellnummer}
      - (verfolge|zeig mir) meine [letzte] <bestellung>
      - wurde meine Bestellung schon verschickt

  - name: bestellung_stornieren
    examples:
      - ich möchte meine <bestellung> {bestellnummer} stornieren
      - wie storniere ich meinen Kauf
      - (storniere|annulliere) die Bestellung {bestellnummer}

  - name: tarif_wechseln
    examples:
      - stell mein Konto auf {tarif} um
      - ich hätte gern ein {tarif}-Konto
      - wie wechsle ich in den Tarif {tarif}
`,
  },
  fr: {
    header: `# Spécification synthnlu : décrivez vos intentions et vos entités ; synthnlu en tire des données d'entraînement variées et annotées.
# Valider :   synthnlu validate synthnlu.yaml
# Générer :   synthnlu generate synthnlu.yaml --out out/data.jsonl --per-intent 50 --seed 1`,
    body: `language: fr
name: mon-assistant

# Réglages pour toutes les intentions (chaque intention peut les modifier).
defaults:
  count: 50 # énoncés par intention, exemples compris
  split: 0.8 # part gardée pour l'entraînement ; le reste est réservé au test
  variations: # part des énoncés à laquelle chaque famille de variation s'applique
    polite: 0.2
    colloquial: 0.2
    typos: 0.1

# Alternatives nommées, utilisées comme <nom> dans les exemples.
aliases:
  commande:
    - commande
    - livraison
    - text: expédition
      weight: 0.5 # choisie deux fois moins souvent

entities:
  # Une entité liste : les valeurs canoniques et les synonymes que disent les utilisateurs.
  - name: formule
    type: list
    values:
      - value: premium
        synonyms: [Gold, Pro]
      - value: standard
        synonyms: [basique, découverte]
  # Une entité regex : les valeurs sont générées à partir du motif.
  - name: numero_commande
    type: regex
    pattern: '[0-9]{6}'

# Syntaxe des exemples : (a|b) alternatives, [mots] facultatifs, {entité} emplacements, <alias> références.
intents:
  - name: suivre_commande
    examples:
      - où en est ma <commande> {numero_commande}
      - (suivre|localiser) ma <commande> [la plus récente]
      - est-ce que ma commande est déjà partie

  - name: annuler_commande
    examples:
      - je veux annuler ma <commande> {numero_commande}
      - comment annuler l'achat que j'ai fait
      - (annule|supprime) la commande {numero_commande}

  - name: changer_formule
    examples:
      - passe mon compte à la formule {formule}
      - je voudrais la formule {formule}
      - comment passer à la formule {formule}
`,
  },
  'pt-BR': {
    header: `# Especificação do synthnlu: descreva suas intenções e entidades; o synthnlu gera dados de treinamento variados e anotados.
# Validar:   synthnlu validate synthnlu.yaml
# Gerar:     synthnlu generate synthnlu.yaml --out out/data.jsonl --per-intent 50 --seed 1`,
    body: `language: pt-BR
name: meu-assistente

# Configurações para todas as intenções (cada intenção pode mudá-las).
defaults:
  count: 50 # frases por intenção, contando os exemplos
  split: 0.8 # parte para treino; o resto fica separado para teste
  variations: # parte das frases em que cada família de variação é aplicada
    polite: 0.2
    colloquial: 0.2
    typos: 0.1

# Alternativas com nome, usadas como <nome> dentro dos exemplos.
aliases:
  pedido:
    - pedido
    - text: pacote
      weight: 0.5 # escolhido metade das vezes

entities:
  # Uma entidade de lista: os valores canônicos e os sinônimos que as pessoas usam.
  - name: plano
    type: list
    values:
      - value: premium
        synonyms: [ouro, pro]
      - value: padrão
        synonyms: [básico, gratuito]
  # Uma entidade regex: os valores são gerados a partir do padrão.
  - name: numero_pedido
    type: regex
    pattern: '[0-9]{6}'

# Sintaxe dos exemplos: (a|b) alternativas, [palavras] opcionais, {entidade} lacunas, <alias> referências.
intents:
  - name: rastrear_pedido
    examples:
      - cadê meu <pedido> {numero_pedido}
      - (rastrear|acompanhar) meu <pedido> [mais recente]
      - meu pedido já foi enviado

  - name: cancelar_pedido
    examples:
      - quero cancelar meu <pedido> {numero_pedido}
      - como faço para cancelar a compra que fiz
      - (cancela|cancele) o pedido {numero_pedido}

  - name: mudar_plano
    examples:
      - muda minha conta para o plano {plano}
      - quero o plano {plano}
      - como faço para mudar para o plano {plano}
`,
  },
};
