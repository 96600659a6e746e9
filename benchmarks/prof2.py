import cProfile, pstats, glob, gijiroku
docs=[open(p,'rb').read() for p in glob.glob('/work/shared/samples/*/*') if p.endswith(('.txt','.md','.rst'))]
for d in docs: gijiroku.parse(d)
pr=cProfile.Profile(); pr.enable()
for _ in range(3):
    for d in docs: gijiroku.parse(d)
pr.disable()
st=pstats.Stats(pr); st.sort_stats('cumtime').print_stats(40)
st.print_callers("method 'search'")
