"""Reading what residents write: one normalisation shared by every reader, then a reader per need.

normalise: case, elongations, emoji, slang and abbreviations (indoNLP's lexicon), stems (Sastrawi).
answers: yes or no, in the informal and regional forms people use.
emergency: cries for help.
intents: what a message at the menu asks for (or an aside or a correction in a report), and the category it
names.
slots: the time a story names.
Places are read by storage/regions.py, the one authority on official codes.
"""
